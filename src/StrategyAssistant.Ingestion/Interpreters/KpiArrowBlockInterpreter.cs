using System.Text.RegularExpressions;
using StrategyAssistant.Documents;

using StrategyAssistant.Ingestion.Layout;
using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion.Interpreters;

/// <summary>Reads a strategy's 【重要業績評価指標（KPI）】 lines, <c>○指標：目標（R6年度）←基準（R1年度）</c> (on one line or with the values on
/// a following line, bullets ○ 〇 or -, full- or half-width brackets and colons, a baseline or its year missing), under their
/// 基本目標 and 施策 (ア, イ …, ①) headings, and each 基本目標's 数値目標 table (<c>指標 (基準年：基準値)</c> ⇥ <c>目標値（年度）</c>).</summary>
public sealed partial class KpiArrowBlockInterpreter : INotationInterpreter
{
    public string Name => "strategy-kpi";

    public bool Claims(LayoutLines document)
    {
        bool header = false;
        int arrows = 0;
        foreach (string raw in document.Lines)
        {
            string line = CellText.CleanLine(raw);
            header |= line.Contains("重要業績評価指標", StringComparison.Ordinal) && line.Contains('【', StringComparison.Ordinal);
            if (line.Contains('←', StringComparison.Ordinal) && TryValues(line.TrimStart(':', '：', ' '), out _, out _))
            {
                arrows++;
            }
        }

        return header && arrows >= 2;
    }

    public RecordSet Read(LayoutLines document)
    {
        var kpis = new List<KpiRecord>();
        Goal? goal = null;
        Measure? measure = null;
        Measure? sharedMeasure = null;
        Measure? parent = null;
        var measuresOfGoal = new List<Measure>();
        bool inKpiBlock = false;
        bool inGoalTargets = false;
        FiscalPeriod? goalTargetYear = null;
        int lineCount = document.LineCount;
        for (int n = 1; n <= lineCount; n++)
        {
            string raw = document.Line(n);
            if (raw.Trim().Length == 0)
            {
                continue;
            }

            string line = CellText.CleanLine(raw);
            List<string> cells = CellText.NonEmptyCells(raw);
            string first = cells.Count > 0 ? CellText.CleanLine(cells[0]) : line;

            if (HeadingParser.Goal(first) is { Title.Length: > 0 } g && !line.Contains('←', StringComparison.Ordinal))
            {
                string title = DotLeader().Replace(g.Title, string.Empty).Trim().TrimEnd('。');
                if (title.Length > 0)
                {
                    goal = g with { Title = title };
                    measure = null;
                    sharedMeasure = null;
                    parent = null;
                    measuresOfGoal.Clear();
                    inKpiBlock = false;
                    inGoalTargets = false;
                }

                continue;
            }

            if (line.Contains("数値目標", StringComparison.Ordinal) && cells.Count == 1 && line.Length < 40)
            {
                inGoalTargets = true;
                goalTargetYear = FiscalYearParser.Parse(line);
                continue;
            }

            if (inGoalTargets && cells.Count == 2 && goal is not null)
            {
                if (!cells[0].Replace(" ", string.Empty, StringComparison.Ordinal).StartsWith("指標", StringComparison.Ordinal))
                {
                    kpis.Add(GoalTarget(document, n, goal, cells[0], cells[1], goalTargetYear));
                }

                continue;
            }

            if (cells.Count == 1 && line.Length <= 60 && !line.Contains('。', StringComparison.Ordinal)
                && CellText.SplitMark(line) is { } mark && !line.Contains('←', StringComparison.Ordinal))
            {
                measure = new Measure(mark.Mark, mark.Title);
                if (CellText.IsCircled(mark.Mark[0]))
                {
                    measure = measure with { Parent = parent };
                }
                else
                {
                    parent = measure;
                }

                measuresOfGoal.Add(measure);
                sharedMeasure = null;
                inKpiBlock = false;
                inGoalTargets = false;
                continue;
            }

            if (line.Contains("重要業績評価指標", StringComparison.Ordinal) && line.Contains('【', StringComparison.Ordinal))
            {
                inKpiBlock = true;
                inGoalTargets = false;
                sharedMeasure = SharedMeasure(line, measuresOfGoal);
                continue;
            }

            string bulletLine = HeadingHashes().Replace(Markup.Strip(raw).Trim(), string.Empty);
            if (!inKpiBlock || IndicatorBullet().Match(bulletLine) is not { Success: true } bullet)
            {
                if (line.StartsWith('(') || line.StartsWith('（') || line.StartsWith('《'))
                {
                    inKpiBlock = false;
                    inGoalTargets = false;
                }

                continue;
            }

            string item = bullet.Groups["rest"].Value.Trim();
            int valueLine = n;
            string? indicator = null;
            string? values = null;
            if (SplitIndicator(item) is { } split)
            {
                (indicator, values) = split;
            }
            else
            {
                // The values stand on the next non-empty line, which starts with a colon.
                for (int k = n + 1; k <= Math.Min(lineCount, n + 3); k++)
                {
                    string next = CellText.CleanLine(document.Line(k));
                    if (next.Length == 0)
                    {
                        continue;
                    }

                    if ((next.StartsWith(':') || next.StartsWith('：')) && TryValues(next.TrimStart(':', '：', ' '), out _, out _))
                    {
                        indicator = item;
                        values = next.TrimStart(':', '：', ' ');
                        valueLine = k;
                    }

                    break;
                }
            }

            if (indicator is null || values is null || !TryValues(values, out string target, out string? baseline))
            {
                continue;
            }

            indicator = StrayColon().Replace(indicator.Trim().TrimEnd(':', '：').Trim(), "$1");
            Citation valueSource = document.Cite(valueLine, valueLine, values);
            KpiValue targetValue = KpiValue.Parse(target, valueSource);
            KpiValue? baselineValue = baseline is null ? null : KpiValue.Parse(baseline, valueSource);
            string? unit = targetValue.Number is not null ? targetValue.Unit : null;
            unit ??= baselineValue?.Number is not null ? baselineValue.Unit : null;
            kpis.Add(new KpiRecord
            {
                Id = $"{document.File}:{n}",
                City = document.City,
                Source = document.Cite(n, valueLine, $"{indicator}：{values}"),
                Goal = goal,
                Measure = sharedMeasure ?? measure,
                Indicator = indicator,
                Unit = unit,
                Target = targetValue,
                Baseline = baselineValue,
            });
        }

        return new RecordSet(kpis, [], []);
    }

    /// <summary>Splits <c>指標：目標（年）←基準（年）</c> at the colon that starts the values; null when the line holds no values.</summary>
    private static (string Indicator, string Values)? SplitIndicator(string item)
    {
        for (int i = 0; i < item.Length; i++)
        {
            if (item[i] is ':' or '：' && i > 0)
            {
                string rest = item[(i + 1)..].Trim();
                if (TryValues(rest, out _, out _))
                {
                    return (item[..i], rest);
                }
            }
        }

        return null;
    }

    /// <summary>The target and baseline texts of <c>65.0%（R6年度）←59.9%（R1年度）</c> or <c>705人（R2年度～R6年度累計数）</c>.</summary>
    private static bool TryValues(string text, out string target, out string? baseline)
    {
        target = string.Empty;
        baseline = null;
        if (text.Length == 0)
        {
            return false;
        }

        int arrow = text.IndexOf('←', StringComparison.Ordinal);
        string left = arrow >= 0 ? text[..arrow].Trim() : text.Trim();
        if (left.Length == 0 || left[0] is '(' or '（')
        {
            return false;
        }

        bool yearInParen = false;
        foreach (System.Text.RegularExpressions.Match m in ParenText().Matches(left))
        {
            yearInParen |= FiscalYearParser.Parse(m.Groups["inner"].Value) is not null;
        }

        if (!yearInParen && arrow < 0)
        {
            return false;
        }

        target = left;
        baseline = arrow >= 0 ? text[(arrow + 1)..].Trim() : null;
        if (baseline is { Length: 0 })
        {
            baseline = null;
        }

        return true;
    }

    /// <summary>A 数値目標 row: <c>②観光宿泊客延数（H30年度：1,083千人泊）</c> ⇥ <c>1,300千人泊（R6年度）</c>.</summary>
    private static KpiRecord GoalTarget(LayoutLines document, int n, Goal goal, string indicatorCell, string targetCell, FiscalPeriod? year)
    {
        Citation source = document.Cite(n);
        string indicator = indicatorCell;
        KpiValue? baseline = null;
        System.Text.RegularExpressions.Match m = BaselineNote().Match(indicatorCell);
        if (m.Success && m.Index > 0)
        {
            indicator = SpaceBeforeClosingBracket().Replace(indicatorCell[..m.Index].Trim(), "$1");
            string label = m.Groups["label"].Value.Trim();
            string value = m.Groups["value"].Value.Trim();
            baseline = KpiValue.Parse(value, source, FiscalYearParser.Parse(label)) with { Note = label };
        }

        if (CellText.SplitMark(indicator) is { } mark && CellText.IsCircled(mark.Mark[0]))
        {
            indicator = mark.Title;
        }

        KpiValue target = KpiValue.Parse(targetCell, source, year);
        return new KpiRecord
        {
            Id = $"{document.File}:{n}",
            City = document.City,
            Source = source,
            Goal = goal,
            Indicator = indicator,
            IsGoalTarget = true,
            Unit = target.Number is not null ? target.Unit : baseline?.Number is not null ? baseline.Unit : null,
            Baseline = baseline,
            Target = target,
        };
    }

    /// <summary>For <c>※カ〜ケ共通指標</c>: one measure naming the span and the titles it covers.</summary>
    private static Measure? SharedMeasure(string line, List<Measure> measuresOfGoal)
    {
        System.Text.RegularExpressions.Match m = SharedSpan().Match(line);
        if (!m.Success)
        {
            return null;
        }

        string from = m.Groups["from"].Value;
        string to = m.Groups["to"].Value;
        int start = measuresOfGoal.FindIndex(x => x.Mark == from);
        int end = measuresOfGoal.FindIndex(x => x.Mark == to);
        string titles = start >= 0 && end >= start
            ? string.Join("／", measuresOfGoal.Skip(start).Take(end - start + 1).Select(x => x.Title))
            : m.Value.TrimStart('※');
        return new Measure($"{from}〜{to}", titles);
    }

    [GeneratedRegex(@"\s*[.．…・]{3,}.*$")]
    private static partial Regex DotLeader();

    [GeneratedRegex(@"^(?:[○〇◯●]|-\s)\s*(?<rest>\S.*)$")]
    private static partial Regex IndicatorBullet();

    [GeneratedRegex(@"\s+([】)）])")]
    private static partial Regex SpaceBeforeClosingBracket();

    [GeneratedRegex(@"^#{1,6}\s*")]
    private static partial Regex HeadingHashes();

    [GeneratedRegex(@"[(（](?<inner>[^()（）]*)[)）]")]
    private static partial Regex ParenText();

    [GeneratedRegex(@"\s*[(（](?<label>[^()（）：:]*?)[：:](?<value>[^()（）]*)[)）]\s*$")]
    private static partial Regex BaselineNote();

    [GeneratedRegex(@"[：:]\s*([(（])")]
    private static partial Regex StrayColon();

    [GeneratedRegex(@"※?(?<from>[ア-ン])\s*[〜～~\-ー]\s*(?<to>[ア-ン])\s*共通")]
    private static partial Regex SharedSpan();
}
