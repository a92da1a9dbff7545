using StrategyAssistant.Documents;
using StrategyAssistant.Records;

namespace StrategyAssistant.Answering;

/// <summary>The lines that give a value its year, a statement its row and a count its line, found by reading the document's
/// lines around a record's own citation.</summary>
internal sealed partial class SourceLines
{
    private readonly KnowledgeBase _knowledge;

    public SourceLines(KnowledgeBase knowledge) => _knowledge = knowledge;

    private static string YearText(KpiValue value) => value.Period is null ? string.Empty : value.Period.Text.Trim('(', ')', '（', '）', ' ');

    /// <summary>The budget's year as the list's title or header writes it (令和6年度 … 関連事業一覧), with that line's citation.</summary>
    public (string Year, Citation? Source) BudgetYearOf(ProjectRecord project)
    {
        string year = project.BudgetYear?.Text.Trim() ?? string.Empty;
        if (year.Length == 0 || project.Source.Quote.Contains(year, StringComparison.Ordinal))
        {
            return (year, null);
        }

        Citation? title = LineAbove(project.Source, project.Source.Line, stopAtGoal: false, line =>
            line.Contains(year, StringComparison.Ordinal) && (IsHeaderRow(line) || (!line.Contains('\t', StringComparison.Ordinal) && line.Length <= 80 && BudgetTitleWords().IsMatch(line))) ? year : null);
        return title is null ? (string.Empty, null) : (year, title);
    }

    /// <summary>The year <paramref name="year"/> as the header row above <paramref name="source"/> writes it (in any notation),
    /// and that header's citation; empty when no header row states it.</summary>
    public (string Year, Citation? Source) YearHeader(Citation source, FiscalYear year)
    {
        string written = string.Empty;
        Citation? header = LineAbove(source, 80, stopAtGoal: true, line =>
        {
            if (!IsHeaderRow(line))
            {
                return null;
            }

            FiscalYearParser.Match? match = FiscalYearParser.FindAll(line, FiscalYearParser.Era.Reiwa)
                .Cast<FiscalYearParser.Match?>()
                .FirstOrDefault(m => m!.Value.Period.IsSingleYear && m.Value.Period.Start == year);
            return match is { } m ? written = m.Period.Text.Trim() : null;
        });
        return header is null ? (string.Empty, null) : (written, header);
    }

    /// <summary>The year of a value as written, and the line that states it when that is not the value's own line (a column
    /// header such as 令和6年度目標値). A year no header row of the table states is not shown.</summary>
    public (string Year, Citation? Source) YearOf(KpiValue value, KpiRecord record)
    {
        string year = YearText(value);
        if (year.Length == 0 || value.Source.Quote.Contains(year, StringComparison.Ordinal) || record.Source.Quote.Contains(year, StringComparison.Ordinal))
        {
            return (year, null);
        }

        Citation? header = LineAbove(value.Source, 80, stopAtGoal: true, line =>
            IsHeaderRow(line) && HeaderWords().IsMatch(line) && line.Contains(year, StringComparison.Ordinal) ? year : null);
        return header is null ? (string.Empty, null) : (year, header);
    }

    /// <summary>The line that states <paramref name="text"/> (a measure's 担当部 or 評価, written once on the measure's first row
    /// for all its indicators): the record's own lines when they hold it, else the nearest line above that does.</summary>
    public Citation StatingLine(KpiRecord record, string text)
    {
        Citation source = record.Source;
        if (source.Quote.Contains(text, StringComparison.Ordinal) || record.Measure?.Title is not { Length: > 0 } measure)
        {
            return source;
        }

        // Only the row of the record's own measure: it names the measure and states the text.
        return LineAbove(source, MeasureRowsAbove, stopAtGoal: true, line =>
            line.Contains(measure, StringComparison.Ordinal) ? (line.Contains(text, StringComparison.Ordinal) ? text : measure) : null) is { } row
            && row.Quote.Contains(text, StringComparison.Ordinal) ? row : source;
    }

    /// <summary>How far above an indicator its measure's first row may be.</summary>
    private const int MeasureRowsAbove = 40;

    /// <summary>The nearest line above <paramref name="source"/> (at most <paramref name="distance"/> lines, and not past a
    /// 基本目標 heading when <paramref name="stopAtGoal"/>) of which <paramref name="states"/> returns the text it states;
    /// cited with a quote around that text.</summary>
    private Citation? LineAbove(Citation source, int distance, bool stopAtGoal, Func<string, string?> states)
    {
        SourceDocument document = _knowledge.Document(source.File);
        for (int n = source.Line - 1; n >= Math.Max(1, source.Line - distance); n--)
        {
            string line = PassageSplitter.Clean(document.Line(n));
            if (stopAtGoal && (line.StartsWith("基本目標", StringComparison.Ordinal) || line.StartsWith("【基本目標", StringComparison.Ordinal)))
            {
                return null;
            }

            if (states(line) is { } focus)
            {
                int at = Math.Max(0, line.IndexOf(focus, StringComparison.Ordinal));
                int from = Math.Max(0, at - 60);
                string quote = line.Length <= 200 ? line : line[from..Math.Min(line.Length, at + focus.Length + 60)];
                return document.Cite(n, n, quote);
            }
        }

        return null;
    }

    /// <summary>A header row names columns: tab-separated, and no cell is a bare number (a data row's comment may name a year).</summary>
    private static bool IsHeaderRow(string line) =>
        line.Contains('\t', StringComparison.Ordinal) && !line.Split('\t').Any(cell => BareNumber().IsMatch(cell.Trim()));

    /// <summary>A line of <paramref name="file"/> containing <paramref name="anchor"/> and every one of <paramref name="numbers"/>.</summary>
    public Citation? FindStatedLine(string file, string anchor, params string[] numbers)
    {
        SourceDocument document = _knowledge.Document(file);
        for (int n = document.LineCount; n >= 1; n--)
        {
            string line = PassageSplitter.Clean(document.Line(n));
            if (line.Contains(anchor, StringComparison.Ordinal) && numbers.All(x => System.Text.RegularExpressions.Regex.IsMatch(line, $@"(?<![\d,]){x}(?![\d,])")))
            {
                return document.Cite(n);
            }
        }

        return null;
    }

    [System.Text.RegularExpressions.GeneratedRegex("基準|目標|実績|区分|項目|年度")]
    private static partial System.Text.RegularExpressions.Regex HeaderWords();

    [System.Text.RegularExpressions.GeneratedRegex("一覧|予算|事業費|関連事業")]
    private static partial System.Text.RegularExpressions.Regex BudgetTitleWords();

    [System.Text.RegularExpressions.GeneratedRegex(@"^[△▲\-]?[0-9][0-9,]*(\.[0-9]+)?$")]
    private static partial System.Text.RegularExpressions.Regex BareNumber();
}
