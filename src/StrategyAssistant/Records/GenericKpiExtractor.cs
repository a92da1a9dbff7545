using System.Text.RegularExpressions;
using StrategyAssistant.Documents;

namespace StrategyAssistant.Records;

/// <summary>Reads the KPI patterns common to strategy documents, wherever they stand, in documents no layout extractor claims:
/// <c>指標：目標（年度）←基準（年度）</c> (the indicator may stand on the line before), <c>指標 ／基準(年)→目標(期間)</c>, and
/// simple tables whose header row has 基準値 / 目標値 (/ 実績) columns.</summary>
/// <remarks>To never count a KPI twice, the reader applies only to documents that no other registered extractor can read:
/// a layout extractor reads its document whole (including these patterns where they occur in it), so reading the same
/// lines again here would duplicate records. A document of an unknown layout still yields its KPIs through this reader.</remarks>
public sealed partial class GenericKpiExtractor : IRecordExtractor
{
    private readonly Func<IEnumerable<IRecordExtractor>> _others;

    /// <param name="others">The other extractors (evaluated when a document is checked, so the registry may list this one too;
    /// this reader skips itself).</param>
    public GenericKpiExtractor(Func<IEnumerable<IRecordExtractor>> others)
    {
        _others = others;
    }

    public string Name => "generic-kpi";

    public bool CanRead(SourceDocument document)
    {
        foreach (IRecordExtractor other in _others())
        {
            if (other is not GenericKpiExtractor && other.CanRead(document))
            {
                return false;
            }
        }

        return HasPattern(document);
    }

    /// <summary>True when the document has at least one of the patterns this reader knows.</summary>
    public static bool HasPattern(SourceDocument document)
    {
        foreach (string line in document.Lines)
        {
            string text = TableCellText.Clean(line);
            if (LeftArrowPattern().IsMatch(text) || line.Split('\t').Any(c => SlashArrowPattern().IsMatch(TableCellText.Clean(c))) || TableHeader.TryRead(TableCellText.Cells(line), out _))
            {
                return true;
            }
        }

        return false;
    }

    public RecordSet Extract(SourceDocument document)
    {
        var kpis = new List<KpiRecord>();
        Goal? goal = null;
        TableHeader? table = null;
        for (int n = 1; n <= document.LineCount; n++)
        {
            string raw = document.Line(n);
            string text = TableCellText.Clean(raw);
            if (text.Length == 0)
            {
                table = null;
                continue;
            }

            string[] cells = TableCellText.Cells(raw);
            if (cells.Length == 1 && TableCellText.GoalHeading(text) is { } g)
            {
                goal = g;
                table = null;
                continue;
            }

            if (LeftArrowPattern().Match(text) is { Success: true } left)
            {
                string indicator = left.Groups["ind"].Value.Trim();
                int from = n;
                if (indicator.Length == 0)
                {
                    (indicator, from) = PreviousLine(document, n);
                }

                if (indicator.Length > 0)
                {
                    Citation cite = document.Cite(n);
                    kpis.Add(Record(document, from, n, goal, indicator, TableCellText.Value(left.Groups["base"].Value, cite), TableCellText.Value(left.Groups["target"].Value, cite), null));
                }

                continue;
            }

            if (TableHeader.TryRead(cells, out TableHeader header))
            {
                table = header;
                continue;
            }

            bool slash = false;
            foreach (string cell in cells)
            {
                if (SlashArrowPattern().Match(cell) is { Success: true } s)
                {
                    Citation cite = document.Cite(n);
                    kpis.Add(Record(document, n, n, goal, s.Groups["ind"].Value, TableCellText.Value(s.Groups["base"].Value, cite), TableCellText.Value(s.Groups["target"].Value, cite), null));
                    slash = true;
                }
            }

            if (!slash && table is not null)
            {
                ReadTableRow(document, n, cells, table, goal, kpis);
            }
        }

        // An indicator read from the line before its values may stand on a line that is itself a record: keep ids unique.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < kpis.Count; i++)
        {
            if (!seen.Add(kpis[i].Id))
            {
                kpis[i] = kpis[i] with { Id = $"{kpis[i].Id}-{kpis[i].Source.LineEnd}" };
                seen.Add(kpis[i].Id);
            }
        }

        return new RecordSet(kpis, [], []);
    }

    private static void ReadTableRow(SourceDocument document, int n, string[] cells, TableHeader table, Goal? goal, List<KpiRecord> kpis)
    {
        string? indicator = cells.Take(table.FirstValue).LastOrDefault(c => c.Length > 0);
        if (indicator is null || !indicator.Any(TableCellText.IsJapanese) || Quantity.TryParse(indicator, out _))
        {
            return;
        }

        Citation cite = document.Cite(n);
        KpiValue? Read(int index, FiscalPeriod? year)
        {
            if (index < 0 || index >= cells.Length || cells[index].Length == 0 || cells[index].StartsWith("基準値", StringComparison.Ordinal))
            {
                return null;
            }

            return TableCellText.Value(cells[index], cite, year);
        }

        KpiValue? baseline = Read(table.Baseline, table.BaselineYear);
        KpiValue? target = Read(table.Target, table.TargetYear);
        KpiValue? actual = Read(table.Actual, table.ActualYear);
        if (baseline?.Number is null && target?.Number is null && actual?.Number is null)
        {
            // Not a row of figures (a repeated header, a label row).
            return;
        }

        kpis.Add(Record(document, n, n, goal, indicator, baseline, target, actual));
    }

    private static KpiRecord Record(SourceDocument document, int from, int to, Goal? goal, string indicator, KpiValue? baseline, KpiValue? target, KpiValue? actual) => new()
    {
        Id = $"{document.File}:{from}",
        City = document.City,
        Source = document.Cite(from, to),
        Goal = goal,
        Indicator = TableCellText.IndicatorName(indicator.TrimStart('○', '〇', '●', '・', '◆', '-', ' ')),
        Unit = TableCellText.UnitOf(target, baseline, actual),
        Baseline = baseline,
        Target = target,
        Actual = actual,
    };

    /// <summary>The indicator written on the line before a line that starts with its values (<c>: 65.0%（R6年度）←…</c>).</summary>
    private static (string Indicator, int Line) PreviousLine(SourceDocument document, int n)
    {
        for (int back = n - 1; back >= Math.Max(1, n - 3); back--)
        {
            string t = TableCellText.Clean(document.Line(back));
            if (t.Length > 0)
            {
                return (t.TrimStart('○', '〇', '●', '・', '◆', '-', ' ').Trim(), back);
            }
        }

        return (string.Empty, n);
    }

    private sealed record TableHeader(int FirstValue, int Baseline, int Target, int Actual, FiscalPeriod? BaselineYear, FiscalPeriod? TargetYear, FiscalPeriod? ActualYear)
    {
        public static bool TryRead(string[] cells, out TableHeader header)
        {
            header = null!;
            int baseline = Array.FindIndex(cells, c => c.StartsWith("基準値", StringComparison.Ordinal) || c.EndsWith("基準値", StringComparison.Ordinal));
            int target = Array.FindIndex(cells, c => c.Contains("目標値", StringComparison.Ordinal) && c.Length <= 16);
            int actual = Array.FindIndex(cells, c => c.Contains("実績", StringComparison.Ordinal) && c.Length <= 16);
            if (baseline < 0 || target < 0)
            {
                return false;
            }

            int first = new[] { baseline, target, actual }.Where(i => i >= 0).Min();
            header = new TableHeader(
                first,
                baseline,
                target,
                actual,
                FiscalYearParser.Parse(cells[baseline]),
                FiscalYearParser.Parse(cells[target]),
                actual >= 0 ? FiscalYearParser.Parse(cells[actual]) : null);
            return true;
        }
    }

    [GeneratedRegex(@"^(?:[○●・◆\-]\s*)*(?<ind>[^：:←\t]*?)\s*[：:]\s*(?<target>[^←：:\t]+?)\s*←\s*(?<base>[^←\t]+?)\s*$")]
    private static partial Regex LeftArrowPattern();

    [GeneratedRegex(@"^(?<ind>[^／→]+?)\s*／\s*(?<base>[^→]+?)\s*→\s*(?<target>.+)$")]
    private static partial Regex SlashArrowPattern();
}
