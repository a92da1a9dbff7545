using System.Globalization;
using System.Text.RegularExpressions;
using StrategyAssistant.Documents;

namespace StrategyAssistant.Records;

/// <summary>Runs after the records are read and linked: finds, once at ingestion, the lines that give each value its year
/// (<see cref="KpiValue.PeriodSource"/>: a column header such as 令和6年度目標値, the header of a yearly series), each budget its
/// year (the list's title or header), a measure's 担当部 and 評価 (its first row), the lines that state counts, and each
/// passage's line numbers. Serving answers from these and never reads a document line.</summary>
public static partial class ProvenancePass
{
    /// <summary>How far above a value its table's header row may be.</summary>
    private const int HeaderRowsAbove = 80;

    /// <summary>How far above an indicator its measure's first row may be.</summary>
    private const int MeasureRowsAbove = 40;

    public static RecordSet Apply(Corpus corpus, RecordSet records)
    {
        var kpis = records.Kpis.Select(k => Kpi(corpus, k)).ToList();
        var projects = records.Projects.Select(p => Project(corpus, p)).ToList();
        return records with
        {
            Kpis = kpis,
            Projects = projects,
            StatedCounts = [.. GoalProjectCounts(corpus, projects), .. SectionCounts(corpus)],
        };
    }

    /// <summary>Each passage with the line numbers of its text lines (where they are not contiguous from its first line) and,
    /// for a PDF or sheet, where each stands in the original (<see cref="Passage.Locations"/>).</summary>
    public static IReadOnlyList<Passage> Apply(Corpus corpus, IReadOnlyList<Passage> passages) =>
        [.. passages.Select(p => corpus.Find(p.File) is { } document ? WithTextLines(document, p) : p)];

    private static Passage WithTextLines(SourceDocument document, Passage passage)
    {
        var lines = new List<int>();
        for (int n = passage.Line; n <= Math.Min(passage.LineEnd, document.LineCount); n++)
        {
            if (PassageSplitter.Clean(document.Line(n)).Length > 0)
            {
                lines.Add(n);
            }
        }

        bool contiguous = lines.Count == 0 || (lines[0] == passage.Line && lines[^1] == passage.Line + lines.Count - 1);
        Passage numbered = contiguous ? passage : passage with { TextLines = lines };
        if (document.Locations is null)
        {
            return numbered;
        }

        SourceLocation?[] locations = [.. numbered.NumberedLines().Select(l => document.Location(l.Line))];
        return locations.Any(l => l is not null) ? numbered with { Locations = locations } : numbered;
    }

    private static KpiRecord Kpi(Corpus corpus, KpiRecord record)
    {
        if (corpus.Find(record.Source.File) is not { } document)
        {
            return record;
        }

        KpiValue? Own(KpiValue? value) => value is null ? null : value with { PeriodSource = YearOf(document, value, record) ?? WithYear(value.PeriodSource, YearText(value)) };
        KpiValue? Yearly(KpiValue? value, FiscalYear year) => value is null ? null : value with { PeriodSource = YearHeader(document, value.Source, year) ?? value.PeriodSource };
        return record with
        {
            Baseline = Own(record.Baseline),
            Target = Own(record.Target),
            Actual = Own(record.Actual),
            Series = [.. record.Series.Select(s => s with { Target = Yearly(s.Target, s.Year), Actual = Yearly(s.Actual, s.Year) })],
            DepartmentSource = record.Department is { Length: > 0 } d ? StatingLine(document, record, d) : null,
            EvaluationSource = record.Evaluation is { Length: > 0 } e ? StatingLine(document, record, e) : null,
        };
    }

    private static ProjectRecord Project(Corpus corpus, ProjectRecord project)
    {
        string year = project.BudgetYear?.Text.Trim() ?? string.Empty;
        if (year.Length == 0 || project.Source.Quote.Contains(year, StringComparison.Ordinal) || corpus.Find(project.Source.File) is not { } document)
        {
            return project;
        }

        Citation? title = LineAbove(document, project.Source, project.Source.Line, stopAtGoal: false, line =>
            line.Contains(year, StringComparison.Ordinal) && (IsHeaderRow(line) || (!line.Contains('\t', StringComparison.Ordinal) && line.Length <= 80 && BudgetTitleWords().IsMatch(line))) ? year : null);
        return project with { BudgetYearSource = title };
    }

    private static string YearText(KpiValue value) => value.Period is null ? string.Empty : value.Period.Text.Trim('(', ')', '（', '）', ' ');

    private static Citation? WithYear(Citation? source, string year) => source is not null && year.Length > 0 && source.Quote.Contains(year, StringComparison.Ordinal) ? source : null;

    /// <summary>The header row above a value that writes its year, when neither the value's nor the record's lines do.</summary>
    private static Citation? YearOf(SourceDocument document, KpiValue value, KpiRecord record)
    {
        string year = YearText(value);
        if (year.Length == 0 || value.Source.Quote.Contains(year, StringComparison.Ordinal) || record.Source.Quote.Contains(year, StringComparison.Ordinal))
        {
            return null;
        }

        return LineAbove(document, value.Source, HeaderRowsAbove, stopAtGoal: true, line =>
            IsHeaderRow(line) && HeaderWords().IsMatch(line) && line.Contains(year, StringComparison.Ordinal) ? year : null);
    }

    /// <summary>The header row above a yearly value that writes <paramref name="year"/> (in any notation), quoted around it.</summary>
    private static Citation? YearHeader(SourceDocument document, Citation source, FiscalYear year) =>
        LineAbove(document, source, HeaderRowsAbove, stopAtGoal: true, line =>
        {
            if (!IsHeaderRow(line))
            {
                return null;
            }

            FiscalYearParser.Match? match = FiscalYearParser.FindAll(line, FiscalYearParser.Era.Reiwa)
                .Cast<FiscalYearParser.Match?>()
                .FirstOrDefault(m => m!.Value.Period.IsSingleYear && m.Value.Period.Start == year);
            return match?.Period.Text.Trim();
        });

    /// <summary>The row of the record's own measure that states <paramref name="text"/>, when the record's lines do not.</summary>
    private static Citation? StatingLine(SourceDocument document, KpiRecord record, string text)
    {
        Citation source = record.Source;
        if (source.Quote.Contains(text, StringComparison.Ordinal) || record.Measure?.Title is not { Length: > 0 } measure)
        {
            return null;
        }

        return LineAbove(document, source, MeasureRowsAbove, stopAtGoal: true, line =>
            line.Contains(measure, StringComparison.Ordinal) ? (line.Contains(text, StringComparison.Ordinal) ? text : measure) : null) is { } row
            && row.Quote.Contains(text, StringComparison.Ordinal) ? row : null;
    }

    /// <summary>For each basic goal and city, the line that states how many projects the goal's list has, with and without 再掲
    /// (it names the goal and both numbers the records count).</summary>
    private static IEnumerable<StatedCount> GoalProjectCounts(Corpus corpus, IReadOnlyList<ProjectRecord> projects)
    {
        foreach (var group in projects.Where(p => p.Goal is not null).GroupBy(p => (p.Goal!.Number, p.City)))
        {
            int all = group.Count();
            int unique = group.Count(p => !p.IsRepeat);
            string allText = all.ToString(CultureInfo.InvariantCulture);
            string uniqueText = unique.ToString(CultureInfo.InvariantCulture);
            if (corpus.Find(group.First().Source.File) is { } document
                && FindStatedLine(document, $"基本目標{group.Key.Number}", allText, uniqueText) is { } stated)
            {
                yield return new StatedCount
                {
                    City = group.Key.City,
                    GoalNumber = group.Key.Number,
                    Kind = StatedCountKind.GoalProjects,
                    Source = stated,
                    Items = [new CountedItem("事業数", allText), new CountedItem("事業数(再掲除く)", uniqueText)],
                };
            }
        }
    }

    /// <summary>The first line of each basic goal's section (from its 基本目標N heading to the next) that states counts.</summary>
    private static IEnumerable<StatedCount> SectionCounts(Corpus corpus)
    {
        foreach (SourceDocument document in corpus.Documents)
        {
            int goal = 0;
            var done = new HashSet<int>();
            for (int n = 1; n <= document.LineCount; n++)
            {
                string line = PassageSplitter.Clean(document.Line(n));
                if (GoalHeadings.Parse(line) is { } heading)
                {
                    goal = heading.Number;
                    continue;
                }

                if (goal == 0 || done.Contains(goal) || StatedCountPattern().Matches(line) is not { Count: > 0 } counts)
                {
                    continue;
                }

                done.Add(goal);
                yield return new StatedCount
                {
                    City = document.City,
                    GoalNumber = goal,
                    Kind = StatedCountKind.Section,
                    Source = document.Cite(n),
                    Items = [.. counts.Select(m => new CountedItem(m.Groups["what"].Value, m.Groups["n"].Value))],
                };
            }
        }
    }

    /// <summary>The nearest line above <paramref name="source"/> (at most <paramref name="distance"/> lines, and not past a
    /// 基本目標 heading when <paramref name="stopAtGoal"/>) of which <paramref name="states"/> returns the text it states;
    /// cited with a quote around that text.</summary>
    private static Citation? LineAbove(SourceDocument document, Citation source, int distance, bool stopAtGoal, Func<string, string?> states)
    {
        for (int n = Math.Min(source.Line - 1, document.LineCount); n >= Math.Max(1, source.Line - distance); n--)
        {
            string line = PassageSplitter.Clean(document.Line(n));
            if (stopAtGoal && GoalHeadings.Parse(line) is not null)
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

    /// <summary>The last line of the document containing <paramref name="anchor"/> and every one of <paramref name="numbers"/>.</summary>
    private static Citation? FindStatedLine(SourceDocument document, string anchor, params string[] numbers)
    {
        for (int n = document.LineCount; n >= 1; n--)
        {
            string line = PassageSplitter.Clean(document.Line(n));
            if (line.Contains(anchor, StringComparison.Ordinal) && numbers.All(x => Regex.IsMatch(line, $@"(?<![\d,]){x}(?![\d,])")))
            {
                return document.Cite(n);
            }
        }

        return null;
    }

    /// <summary>A header row names columns: tab-separated, and no cell is a bare number (a data row's comment may name a year).</summary>
    private static bool IsHeaderRow(string line) =>
        line.Contains('\t', StringComparison.Ordinal) && !line.Split('\t').Any(cell => BareNumber().IsMatch(cell.Trim()));

    [GeneratedRegex(@"(?<what>事業数|KPI数|施策数|指標数)\s*[:：]\s*(?<n>[0-9]+)")]
    private static partial Regex StatedCountPattern();

    [GeneratedRegex("基準|目標|実績|区分|項目|年度")]
    private static partial Regex HeaderWords();

    [GeneratedRegex("一覧|予算|事業費|関連事業")]
    private static partial Regex BudgetTitleWords();

    [GeneratedRegex(@"^[△▲\-]?[0-9][0-9,]*(\.[0-9]+)?$")]
    private static partial Regex BareNumber();
}
