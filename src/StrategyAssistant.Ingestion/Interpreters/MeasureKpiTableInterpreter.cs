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
            if (line.Contains('\t', StringComparison.Ordinal) && MeasureTableHeader.TryRead(CellText.Cells(line), out _))
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
        MeasureTableProject? project = null;
        var numbersInGoal = new Dictionary<string, int>(StringComparer.Ordinal);
        MeasureTableHeader? header = null;
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
                project = new MeasureTableProject { Line = n, Number = number, Name = p.Groups["name"].Value.Trim(), Goal = goal };
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

            if (MeasureTableHeader.TryRead(cells, out MeasureTableHeader h))
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

    private static void ReadRow(LayoutLines document, int n, string[] cells, MeasureTableHeader header, Goal? goal, MeasureTableProject? project, ref Measure? measure, FiscalPeriod? span, List<KpiRecord> kpis)
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
        (string indicator, string baseText, string targetText) = MeasureKpiCells.SplitIndicator(baseCell, targetCell);
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


    private static FiscalPeriod? FirstTargetYear(LayoutLines document)
    {
        foreach (string line in document.Lines)
        {
            if (line.Contains('\t', StringComparison.Ordinal) && MeasureTableHeader.TryRead(CellText.Cells(line), out MeasureTableHeader h) && h.TargetYear is not null)
            {
                return h.TargetYear;
            }
        }

        return null;
    }


    [GeneratedRegex(@"^★\s*(?<ind>.+?)\s*[：:]\s*(?<value>.+)$")]
    private static partial Regex GoalTargetPattern();

    [GeneratedRegex(@"^(?<n>\d{1,2})\s?[.．]\s*(?<name>\S.*)$")]
    private static partial Regex ProjectPattern();

    [GeneratedRegex(@"^[(（]1[)）]\s*基本的方向")]
    private static partial Regex DirectionPattern();

    [GeneratedRegex(@"^[(（][2-9][)）]")]
    private static partial Regex SectionPattern();
}
