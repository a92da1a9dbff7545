using System.Text.RegularExpressions;
using StrategyAssistant.Documents;

using StrategyAssistant.Ingestion.Layout;
using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion.Interpreters;

/// <summary>Reads a strategy's 【重要業績評価指標（KPI）】 lines, <c>○指標：目標（R6年度）←基準（R1年度）</c> (on one line or with the values on
/// a following line, bullets ○ 〇 or -, full- or half-width brackets and colons, a baseline or its year missing), under their
/// 基本目標 and 施策 (ア, イ …, ①) headings, and each 基本目標's 数値目標 table (<c>指標 (基準年：基準値)</c> ⇥ <c>目標値（年度）</c>).</summary>
public sealed class KpiArrowBlockInterpreter : INotationInterpreter
{
    public string Name => "strategy-kpi";

    public bool Claims(LayoutLines document)
    {
        bool header = false;
        int arrows = 0;
        foreach (string raw in document.Lines)
        {
            string line = CellText.CleanLine(raw);
            header |= Vocabulary.StrategyVocabulary.Default.Notations.Contains(Name, "block", line) && line.Contains('【', StringComparison.Ordinal);
            if (line.Contains('←', StringComparison.Ordinal) && KpiArrowBlockLines.TryValues(line.TrimStart(':', '：', ' '), out _, out _))
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
                string title = KpiArrowBlockPatterns.DotLeader().Replace(g.Title, string.Empty).Trim().TrimEnd('。');
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
                    kpis.Add(KpiArrowBlockLines.GoalTarget(document, n, goal, cells[0], cells[1], goalTargetYear));
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
                sharedMeasure = KpiArrowBlockLines.SharedMeasure(line, measuresOfGoal);
                continue;
            }

            string bulletLine = KpiArrowBlockPatterns.HeadingHashes().Replace(Markup.Strip(raw).Trim(), string.Empty);
            if (!inKpiBlock || KpiArrowBlockPatterns.IndicatorBullet().Match(bulletLine) is not { Success: true } bullet)
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
            if (KpiArrowBlockLines.SplitIndicator(item) is { } split)
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

                    if ((next.StartsWith(':') || next.StartsWith('：')) && KpiArrowBlockLines.TryValues(next.TrimStart(':', '：', ' '), out _, out _))
                    {
                        indicator = item;
                        values = next.TrimStart(':', '：', ' ');
                        valueLine = k;
                    }

                    break;
                }
            }

            if (indicator is null || values is null || !KpiArrowBlockLines.TryValues(values, out string target, out string? baseline))
            {
                continue;
            }

            indicator = KpiArrowBlockPatterns.StrayColon().Replace(indicator.Trim().TrimEnd(':', '：').Trim(), "$1");
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
}
