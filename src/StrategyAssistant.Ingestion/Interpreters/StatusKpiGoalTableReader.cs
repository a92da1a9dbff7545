using System.Text.RegularExpressions;
using StrategyAssistant.Documents;
using StrategyAssistant.Ingestion.Layout;
using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion.Interpreters;

/// <summary>A goal's KPI table of the status-column notation (基準値 / 目標値 / 実績 / 状況), with the ①② footnotes under it that date its values.</summary>
internal sealed class StatusKpiGoalTableReader(StatusKpiTableState state)
{
    private LayoutLines Document => state.Document;

    public int ReadGoalKpis(int headerLine, GoalKpiHeader h)
    {
        FiscalPeriod? actualYear = state.KpiYear;

        var rows = new List<(KpiRecord Record, string? Mark)>();
        string? aspect = null;
        int n = headerLine + 1;
        for (; n <= Document.LineCount; n++)
        {
            string raw = Document.Line(n);
            string[] cells = CellText.Cells(raw);
            if (cells.All(c => c.Length == 0) || cells.Length <= h.Status)
            {
                break;
            }

            if (h.Baseline >= 2 && cells[0].Length > 0)
            {
                aspect = cells[0];
            }

            string indicatorCell = cells[h.Baseline - 1];
            if (indicatorCell.Length == 0)
            {
                continue;
            }

            Citation cite = Document.Cite(n);
            (string? mark, string name) = CellText.SplitCircledMark(indicatorCell);
            KpiValue? baseline = Cell(cells, h.Baseline, cite, null);
            KpiValue? target = Cell(cells, h.Target, cite, null);
            KpiValue? actual = Cell(cells, h.Actual, cite, actualYear);
            string status = cells[h.Status];
            var record = new KpiRecord
            {
                Id = $"{Document.File}:{n}",
                City = Document.City,
                Source = cite,
                Goal = state.Goal,
                Measure = aspect is null ? null : new Measure(null, CellText.IndicatorName(aspect)),
                Indicator = CellText.IndicatorName(name),
                IsGoalTarget = true,
                Unit = CellValue.UnitOf(target, baseline, actual),
                Baseline = baseline,
                Target = target,
                Actual = actual,
                Status = status.Length == 0 ? null : status,
            };
            rows.Add((record, mark));
        }

        // Footnotes under the table date the values: ①課税状況調 (基準値: 2018年、目標値: 計画期間終了時点).
        var footnotes = new Dictionary<char, (int Line, string Text)>();
        for (int f = n; f <= Math.Min(Document.LineCount, n + 24); f++)
        {
            string t = CellText.Clean(Document.Line(f));
            if (t.Contains('\t', StringComparison.Ordinal) || t.StartsWith('【') || GoalKpiHeader.TryRead(CellText.Cells(Document.Line(f)), out _))
            {
                break;
            }

            foreach (char mark in CellText.LeadingCircled(t))
            {
                footnotes[mark] = (f, t);
            }
        }

        foreach ((KpiRecord record, string? mark) in rows)
        {
            KpiRecord r = record;
            if (mark is { Length: 1 } && footnotes.TryGetValue(mark[0], out (int Line, string Text) note))
            {
                r = ApplyFootnote(r, note.Line, note.Text);
            }

            state.Kpis.Add(r);
        }

        return n;
    }

    private KpiRecord ApplyFootnote(KpiRecord record, int line, string text)
    {
        System.Text.RegularExpressions.Match m = StatusKpiPatterns.FootnotePattern().Match(text);
        string source = m.Success ? m.Groups["source"].Value.Trim() : text;
        KpiValue? baseline = record.Baseline;
        KpiValue? target = record.Target;
        if (m.Success && m.Groups["base"].Success && baseline is not null)
        {
            string written = m.Groups["base"].Value.Trim();
            FiscalPeriod? period = FiscalYearParser.Parse(StatusKpiPatterns.YearSpan().Replace(written, "$1年～$2年"));
            baseline = baseline with { Period = period is null ? baseline.Period : period with { Text = written }, Note = Join(baseline.Note, "基準値: " + written) };
        }

        if (m.Success && m.Groups["target"].Success && target is not null)
        {
            string written = m.Groups["target"].Value.Trim();
            target = target with { Period = state.PlanPeriodFor(written, cumulative: false) ?? target.Period, Note = Join(target.Note, "目標値: " + written) };
        }

        return record with
        {
            Baseline = baseline,
            Target = target,
            Note = "出典: " + source,
            RelatedSources = [.. record.RelatedSources, Document.Cite(line)],
        };
    }


    private KpiValue? Cell(string[] cells, int index, Citation cite, FiscalPeriod? period) =>
        index < cells.Length && cells[index].Length > 0 ? CellValue.Value(cells[index], cite, period) : null;

    private static string Join(string? a, string b) => a is null ? b : a + " " + b;
}
