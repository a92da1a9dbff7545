using System.Text;
using System.Text.RegularExpressions;
using StrategyAssistant.Documents;
using StrategyAssistant.Ingestion.Layout;
using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion.Interpreters;

/// <summary>The KPI of one row pair of a year-column progress table (目標値 row, 実績値 row): a 基本目標's 数値目標 or a 事業's
/// KPI written <c>指標 ／基準(年)→目標(期間)</c>, with its yearly targets and actuals.</summary>
internal sealed partial class YearColumnKpiReader(LayoutLines document, List<DataQualityNote> notes)
{
    private LayoutLines Document => document;

    public KpiRecord? GoalTarget(ProgressRow row, ProgressHeader header)
    {
        string indicator = row.Before.Length > 0 ? row.Before[0] : string.Empty;
        if (indicator.Length == 0)
        {
            return null;
        }

        Citation line = Document.Cite(row.Line);
        KpiValue? baseline = row.Before.Length > 1 && row.Before[1].Length > 0 ? CellValue.Value(row.Before[1], line) : null;
        KpiValue? target = row.Before.Length > 2 && row.Before[2].Length > 0 ? CellValue.Value(row.Before[2], line) : null;
        return Build(row, header, CellText.IndicatorName(indicator), baseline, target, note: null, isGoal: true);
    }

    public KpiRecord? MeasureKpi(ProgressRow row, ProgressHeader header)
    {
        string kpiText = row.Before.Skip(1).LastOrDefault(c => c.Length > 0) ?? string.Empty;
        if (kpiText.Length == 0 && row.Project is null)
        {
            return null;
        }

        Citation line = Document.Cite(row.Line);
        System.Text.RegularExpressions.Match kpi = KpiPattern().Match(kpiText);
        if (kpi.Success)
        {
            KpiValue baseline = Period(CellValue.Value(kpi.Groups["base"].Value, line), row, header);
            KpiValue target = Period(CellValue.Value(kpi.Groups["target"].Value, line), row, header);
            string indicator = CellText.IndicatorName(kpi.Groups["ind"].Value);
            if (baseline.Unit is not null && target.Unit is not null && baseline.Unit != target.Unit)
            {
                notes.Add(new DataQualityNote(
                    Document.City,
                    "unit-mismatch",
                    $"「{indicator}」の基準値「{baseline.Text}」と目標値「{target.Text}」の単位が異なる ({baseline.Unit} / {target.Unit})。記載のまま保持。",
                    [line]) { Subjects = [indicator, .. row.Project is null ? Array.Empty<string>() : [row.Project]] });
            }

            return Build(row, header, indicator, baseline, target, note: null, isGoal: false);
        }

        // No KPI: 「KPIの設定が困難なため設定しない」 or 「農作業受託面積 目標値の設定が困難なため、実績値の管理とする」.
        System.Text.RegularExpressions.Match none = NoKpiPattern().Match(kpiText);
        if (none.Success)
        {
            string name = none.Groups["ind"].Value.Trim();
            string note = none.Groups["note"].Value.Trim();
            return Build(row, header, name.Length > 0 ? CellText.IndicatorName(name) : note, null, null, note, isGoal: false);
        }

        return Build(row, header, CellText.IndicatorName(kpiText.Length > 0 ? kpiText : row.Project!), null, null, kpiText.Length > 0 ? null : YearColumnProgressInterpreter.NoKpiWritten, isGoal: false);
    }

    /// <summary>(5年間) / (各年度) name the table's span rather than a year: the period becomes the span.</summary>
    private static KpiValue Period(KpiValue value, ProgressRow row, ProgressHeader header)
    {
        if (value.Period is not null || value.Note is null)
        {
            return value;
        }

        bool whole = value.Note.Contains("年間", StringComparison.Ordinal) && !value.Note.Contains('第');
        bool each = value.Note.Contains("各年度", StringComparison.Ordinal) || value.Note.Contains("毎年度", StringComparison.Ordinal);
        if (!whole && !each)
        {
            return value;
        }

        bool cumulative = whole && header.TotalOffset > 0 && header.TotalOffset < row.TargetCells.Length
            && Quantity.TryParse(row.TargetCells[header.TotalOffset], out _);
        FiscalPeriod span = header.Span;
        return value with { Period = new FiscalPeriod(span.Start, span.End, value.Note, cumulative) };
    }

    private KpiRecord Build(ProgressRow row, ProgressHeader header, string indicator, KpiValue? baseline, KpiValue? target, string? note, bool isGoal)
    {
        // Where baseline and target disagree on the unit (a note is made), the bare yearly figures get none.
        string? unit = baseline?.Unit is not null && target?.Unit is not null && baseline.Unit != target.Unit
            ? null
            : CellValue.UnitOf(target, baseline);
        var series = new List<YearlyValue>();
        foreach ((int offset, FiscalYear year) in header.Years)
        {
            FiscalPeriod period = new(year, year, year.ToJapanese());
            KpiValue? t = Cell(row.TargetCells, offset, row.Line, period, unit);
            KpiValue? a = row.ActualCells is null ? null : Cell(row.ActualCells, offset, row.ActualLine, period, unit);
            if (t is not null || a is not null)
            {
                series.Add(new YearlyValue(year, t, a));
            }
        }

        FiscalYear reportYear = header.ReportYear ?? header.Years[0].Year;
        KpiValue? actual = series.FirstOrDefault(s => s.Year == reportYear)?.Actual;
        string? comment = header.CommentOffset > 0 && header.CommentOffset < row.TargetCells.Length ? row.TargetCells[header.CommentOffset] : null;
        (string? assessment, string? outlook) = isGoal ? (comment is { Length: > 0 } ? comment : null, null) : SplitComment(comment);
        return new KpiRecord
        {
            Id = $"{Document.File}:{row.Line}",
            City = Document.City,
            Source = Document.Cite(row.Line, row.LastLine),
            Goal = row.Goal,
            Measure = isGoal ? null : row.Measure,
            Project = isGoal ? null : row.Project,
            Indicator = indicator,
            IsGoalTarget = isGoal,
            Unit = unit,
            Baseline = baseline,
            Target = target,
            Actual = actual,
            Series = series,
            Assessment = assessment,
            Outlook = outlook,
            Note = note,
        };
    }

    private KpiValue? Cell(string[] cells, int offset, int line, FiscalPeriod period, string? unit)
    {
        if (offset >= cells.Length || cells[offset].Length == 0)
        {
            return null;
        }

        return CellValue.Value(cells[offset], Document.Cite(line), period, unit);
    }


    [GeneratedRegex(@"^(?<ind>.+?)\s*[／/]\s*(?<base>[^→]+?)\s*→\s*(?<target>.+)$")]
    private static partial Regex KpiPattern();

    [GeneratedRegex(@"^(?<ind>.*?)\s*(?<note>(?:KPI|ＫＰＩ|目標値|指標)の設定が困難.*)$")]
    private static partial Regex NoKpiPattern();

    /// <summary>Splits a commentary into what happened (assessment) and what comes next (outlook): the outlook starts at the
    /// first sentence that speaks of the future (今後, 引き続き …).</summary>
    private static (string? Assessment, string? Outlook) SplitComment(string? comment)
    {
        if (string.IsNullOrWhiteSpace(comment))
        {
            return (null, null);
        }

        string text = CellText.Clean(comment);
        var sentences = new List<string>();
        var current = new StringBuilder();
        foreach (char c in text)
        {
            current.Append(c);
            if (c == '。')
            {
                sentences.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.ToString().Trim().Length > 0)
        {
            sentences.Add(current.ToString());
        }

        int first = sentences.FindIndex(s => FutureWords().IsMatch(s));
        if (first <= 0)
        {
            return first == 0 && sentences.Count > 1 ? (null, text) : (text, null);
        }

        return (string.Concat(sentences.Take(first)).Trim(), string.Concat(sentences.Skip(first)).Trim());
    }

    [GeneratedRegex(@"今後|引き続き|継続していく|していきたい|検討していく|努める|図っていく")]
    private static partial Regex FutureWords();
}
