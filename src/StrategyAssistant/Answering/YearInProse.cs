using System.Text.RegularExpressions;
using StrategyAssistant.Documents;
using StrategyAssistant.Records;

namespace StrategyAssistant.Answering;

/// <summary>Values the documents state in words rather than in a value cell: the sentence of an indicator's own row (its
/// 所見) that gives the asked year's figure (「令和3年度市民アンケート結果(速報値)では50.6%」), and the change a table states
/// for two years in a column of its own (「2015年比 (2021)」 ▲33.0%).</summary>
internal sealed partial class YearInProse
{
    private readonly KnowledgeBase _knowledge;

    public YearInProse(KnowledgeBase knowledge) => _knowledge = knowledge;

    /// <summary>The sentence of the record's own lines that names one of the asked years and a figure; null when none does.</summary>
    public Citation? Sentence(KpiRecord record, IReadOnlyList<FiscalPeriod> years)
    {
        SourceDocument document = _knowledge.Document(record.Source.File);
        for (int n = record.Source.Line; n <= record.Source.LineEnd; n++)
        {
            string line = PassageSplitter.Clean(document.Line(n));
            foreach (string cell in line.Split('\t'))
            {
                foreach (string sentence in SentenceEnd().Split(cell).Select(s => s.Trim()).Where(s => s.Length > 0))
                {
                    var stated = FiscalYearParser.FindAll(sentence, FiscalYearParser.Era.Reiwa).ToList();
                    if (stated.Any(m => m.Period.IsSingleYear && years.Any(y => y.Contains(m.Period.Start)))
                        && Figure().Matches(sentence).Any(f => !stated.Any(m => f.Index >= m.Index && f.Index < m.Index + m.Length)))
                    {
                        return document.Cite(n, n, sentence);
                    }
                }
            }
        }

        return null;
    }

    /// <summary>The change the table states for the two years of a difference: the cell, in the row of <paramref name="row"/>,
    /// under a header that compares them (2015年比 (2021), 増減 R2-R3; a header naming only the base year compares with the
    /// latest); with the header's citation.</summary>
    public (string Header, string Cell, Citation Row, Citation HeaderLine)? StatedChange(Citation row, FiscalPeriod from, FiscalPeriod to)
    {
        SourceDocument document = _knowledge.Document(row.File);
        string[] cells = PassageSplitter.Clean(document.Line(row.Line)).Split('\t');
        for (int n = row.Line - 1; n >= Math.Max(1, row.Line - HeaderDistance); n--)
        {
            string[] header = PassageSplitter.Clean(document.Line(n)).Split('\t');
            for (int c = 0; c < header.Length && c < cells.Length; c++)
            {
                var years = FiscalYearParser.FindAll(header[c], FiscalYearParser.Era.Reiwa).Select(m => m.Period).ToList();
                if (ChangeWords().IsMatch(header[c]) && years.Any(y => from.Contains(y.Start)) && (years.Count == 1 || years.Any(y => to.Contains(y.Start)))
                    && ChangeCell().IsMatch(cells[c].Trim()))
                {
                    return (header[c].Trim(), cells[c].Trim(), document.Cite(row.Line), document.Cite(n));
                }
            }
        }

        return null;
    }

    /// <summary>How far above a row its header may be.</summary>
    private const int HeaderDistance = 15;

    [GeneratedRegex("[。]")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"[0-9][0-9,]*(?:\.[0-9]+)?\s*(?:%|％|人|件|組|世帯|円|千円|万円|回|戸|校|社)")]
    private static partial Regex Figure();

    [GeneratedRegex("比|増減|伸び率|変化")]
    private static partial Regex ChangeWords();

    [GeneratedRegex(@"^[▲△+＋\-−]?[0-9][0-9,]*(?:\.[0-9]+)?\s*(?:%|％|P|ポイント)?$")]
    private static partial Regex ChangeCell();
}
