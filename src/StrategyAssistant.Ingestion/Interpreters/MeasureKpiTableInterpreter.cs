using System.Text.RegularExpressions;
using StrategyAssistant.Documents;

using StrategyAssistant.Ingestion.Layout;
using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion.Interpreters;

/// <summary>Reads the measure-table notation of a strategy written per 基本目標 and 事業 (具体的な施策 / 基準値 / KPI columns): the 基本目標's 数値目標 lines
/// <c>★ 指標：5年間で200人</c>, each 事業 (<c>1. 農業振興事業</c>) with its (1) 基本的方向, and its table
/// 具体的な施策 / 基準値(H30) / KPI(R6), whose cells hold the indicator and the value together (<c>移住者数 16人</c>).</summary>
public sealed partial class MeasureKpiTableInterpreter : INotationInterpreter
{
    public string Name => "measure-table";

    public bool Claims(LayoutLines document)
    {
        foreach (string line in document.Lines)
        {
            if (line.Contains('\t', StringComparison.Ordinal) && TableHeader.TryRead(CellText.Cells(line), out _))
            {
                return true;
            }
        }

        return false;
    }

    public RecordSet Read(LayoutLines document)
    {
        var kpis = new List<KpiRecord>();
        var projects = new List<ProjectRecord>();
        var notes = new List<DataQualityNote>();

        FiscalPeriod? targetYear = FirstTargetYear(document);
        // A cumulative target (5年間で200人) covers the plan period the document states, else the years its cell states.
        FiscalPeriod? span = HeadingParser.PlanPeriod(document.Lines);
        Goal? goal = null;
        ProjectBuilder? project = null;
        var numbersInGoal = new Dictionary<string, int>(StringComparer.Ordinal);
        TableHeader? header = null;
        Measure? measure = null;
        bool inDirection = false;

        void FinishProject()
        {
            if (project is not null)
            {
                projects.Add(project.Build(document));
                project = null;
            }
        }

        for (int n = 1; n <= document.LineCount; n++)
        {
            string raw = document.Line(n);
            string text = CellText.Clean(raw);
            if (text.Length == 0)
            {
                header = null;
                continue;
            }

            string[] cells = CellText.Cells(raw);
            if (cells.Length == 1 && HeadingParser.Goal(text) is { } g && !text.StartsWith('【'))
            {
                FinishProject();
                goal = g;
                numbersInGoal.Clear();
                header = null;
                inDirection = false;
                continue;
            }

            if (cells.Length == 1 && GoalTargetPattern().Match(text) is { Success: true } star)
            {
                Citation cite = document.Cite(n);
                string indicator = CellText.IndicatorName(star.Groups["ind"].Value);
                KpiValue target = CellValue.SpanValue(star.Groups["value"].Value, cite, span, targetYear);
                kpis.Add(new KpiRecord
                {
                    Id = $"{document.File}:{n}",
                    City = document.City,
                    Source = cite,
                    Goal = goal,
                    Indicator = indicator,
                    IsGoalTarget = true,
                    Unit = target.Unit,
                    Target = target,
                });
                continue;
            }

            if (cells.Length == 1 && ProjectPattern().Match(text) is { Success: true } p)
            {
                FinishProject();
                string number = p.Groups["n"].Value;
                project = new ProjectBuilder { Line = n, Number = number, Name = p.Groups["name"].Value.Trim(), Goal = goal };
                if (numbersInGoal.TryGetValue(number, out int earlier))
                {
                    notes.Add(new DataQualityNote(
                        document.City,
                        "duplicate-number",
                        $"{goal?.ToString() ?? "同じ基本目標"}の下で事業番号「{number}.」が2回使われている (「{CellText.Clean(document.Line(earlier))}」と「{text}」)。記載のまま保持。",
                        [document.Cite(earlier), document.Cite(n)])
                    { Subjects = [CellText.Clean(document.Line(earlier)), text] });
                }
                else
                {
                    numbersInGoal[number] = n;
                }

                header = null;
                inDirection = false;
                continue;
            }

            if (DirectionPattern().IsMatch(text))
            {
                inDirection = true;
                continue;
            }

            if (SectionPattern().IsMatch(text))
            {
                inDirection = false;
                continue;
            }

            if (TableHeader.TryRead(cells, out TableHeader h))
            {
                header = h;
                inDirection = false;
                measure = null;
                continue;
            }

            if (header is not null && cells.Length > header.Target)
            {
                ReadRow(document, n, cells, header, goal, project, ref measure, span, kpis);
                continue;
            }

            if (inDirection && project is not null)
            {
                project.Direction.Add(text.TrimStart('-', ' ', '◆'));
                project.LastLine = n;
            }
        }

        FinishProject();
        return new RecordSet(kpis, projects, notes);
    }

    private static void ReadRow(LayoutLines document, int n, string[] cells, TableHeader header, Goal? goal, ProjectBuilder? project, ref Measure? measure, FiscalPeriod? span, List<KpiRecord> kpis)
    {
        string measureCell = cells[header.Measure];
        if (measureCell.Length > 0)
        {
            measure = MeasureOf(measureCell);
        }

        string baseCell = cells[header.Baseline];
        string targetCell = cells[header.Target];
        if (baseCell.Length == 0 && targetCell.Length == 0)
        {
            return;
        }

        Citation cite = document.Cite(n);
        (string indicator, string baseText, string targetText) = SplitIndicator(baseCell, targetCell);
        if (indicator.Length == 0)
        {
            indicator = measure?.Title ?? baseCell;
        }

        KpiValue? baseline = baseText.Length == 0 ? null : CellValue.Value(baseText, cite, header.BaselineYear);
        KpiValue? target = targetText.Length == 0 ? null : CellValue.SpanValue(targetText, cite, span, header.TargetYear, baseline?.Unit);
        if (project is not null)
        {
            project.Kpis.Add(indicator);
            project.LastLine = n;
        }

        kpis.Add(new KpiRecord
        {
            Id = $"{document.File}:{n}",
            City = document.City,
            Source = cite,
            Goal = goal,
            Measure = measure,
            Project = project?.Name,
            Indicator = CellText.IndicatorName(indicator),
            Unit = CellValue.UnitOf(target, baseline),
            Baseline = baseline,
            Target = target,
        });
    }

    /// <summary>①農業の振興及び経営基盤の安定化 関係団体との… → mark ①, title up to the first space between two Japanese words.</summary>
    private static Measure MeasureOf(string cell)
    {
        (string? mark, string rest) = CellText.SplitCircledMark(cell);
        for (int i = 1; i < rest.Length - 1; i++)
        {
            if (rest[i] == ' ' && CellText.IsJapanese(rest[i - 1]) && CellText.IsJapanese(rest[i + 1]) && rest[i - 1] != '・')
            {
                return new Measure(mark, rest[..i]);
            }
        }

        return new Measure(mark, rest);
    }

    /// <summary>The indicator both cells start with (<c>登録者数 24名</c> / <c>登録者数 50名</c>), else the words before the
    /// baseline's first number (<c>移住者数 16人</c> / <c>5年間で30人</c>).</summary>
    internal static (string Indicator, string Baseline, string Target) SplitIndicator(string baseCell, string targetCell)
    {
        int common = 0;
        while (common < baseCell.Length && common < targetCell.Length && baseCell[common] == targetCell[common])
        {
            common++;
        }

        // Back off to the last space so a shared leading digit (253 / 250) or word part stays with the value.
        if (common < baseCell.Length || common < targetCell.Length)
        {
            int space = baseCell.LastIndexOf(' ', Math.Max(0, Math.Min(common, baseCell.Length - 1)));
            common = space;
        }
        else
        {
            common = baseCell.LastIndexOf(' ');
        }

        if (common >= 2)
        {
            return (baseCell[..common].Trim(), baseCell[common..].Trim(), targetCell[common..].Trim());
        }

        System.Text.RegularExpressions.Match m = FirstNumber().Match(baseCell);
        if (m.Success && m.Index > 0)
        {
            return (baseCell[..m.Index].Trim(), baseCell[m.Index..].Trim(), targetCell);
        }

        System.Text.RegularExpressions.Match none = NoBaseline().Match(baseCell);
        if (none.Success && none.Index > 0)
        {
            return (baseCell[..none.Index].Trim(), baseCell[none.Index..].Trim(), targetCell);
        }

        return (string.Empty, baseCell, targetCell);
    }

    private static FiscalPeriod? FirstTargetYear(LayoutLines document)
    {
        foreach (string line in document.Lines)
        {
            if (line.Contains('\t', StringComparison.Ordinal) && TableHeader.TryRead(CellText.Cells(line), out TableHeader h) && h.TargetYear is not null)
            {
                return h.TargetYear;
            }
        }

        return null;
    }

    private sealed record TableHeader(int Measure, int Baseline, int Target, FiscalPeriod? BaselineYear, FiscalPeriod? TargetYear)
    {
        public static bool TryRead(string[] cells, out TableHeader header)
        {
            header = null!;
            if (cells.Length < 3 || !cells[0].StartsWith("具体的な施策", StringComparison.Ordinal))
            {
                return false;
            }

            int baseline = Array.FindIndex(cells, c => c.StartsWith("基準値", StringComparison.Ordinal));
            int target = Array.FindIndex(cells, c => c.StartsWith("KPI", StringComparison.OrdinalIgnoreCase) || c.StartsWith("ＫＰＩ", StringComparison.Ordinal) || c.StartsWith("目標値", StringComparison.Ordinal));
            if (baseline < 0 || target < 0)
            {
                return false;
            }

            header = new TableHeader(0, baseline, target, FiscalYearParser.Parse(cells[baseline]), FiscalYearParser.Parse(cells[target]));
            return true;
        }
    }

    private sealed class ProjectBuilder
    {
        public required int Line { get; init; }

        public int LastLine { get; set; }

        public required string Number { get; init; }

        public required string Name { get; init; }

        public Goal? Goal { get; init; }

        public List<string> Direction { get; } = [];

        public List<string> Kpis { get; } = [];

        public ProjectRecord Build(LayoutLines document) => new()
        {
            Id = $"{document.File}:{Line}",
            City = document.City,
            Source = document.Cite(Line, Math.Max(Line, LastLine), CellText.Clean(document.Line(Line))),
            Goal = Goal,
            Number = Number,
            Name = Name,
            Description = Direction.Count == 0 ? null : string.Join("\n", Direction),
            Kpis = [.. Kpis.Select(CellText.IndicatorName).Distinct(StringComparer.Ordinal)],
        };
    }

    [GeneratedRegex(@"^★\s*(?<ind>.+?)\s*[：:]\s*(?<value>.+)$")]
    private static partial Regex GoalTargetPattern();

    [GeneratedRegex(@"^(?<n>\d{1,2})\s?[.．]\s*(?<name>\S.*)$")]
    private static partial Regex ProjectPattern();

    [GeneratedRegex(@"^[(（]1[)）]\s*基本的方向")]
    private static partial Regex DirectionPattern();

    [GeneratedRegex(@"^[(（][2-9][)）]")]
    private static partial Regex SectionPattern();

    [GeneratedRegex(@"(?<=\s)[△▲\-−]?\d")]
    private static partial Regex FirstNumber();

    [GeneratedRegex(@"(?<=\s)(?:基準値なし|未策定|なし|—|-)$")]
    private static partial Regex NoBaseline();
}
