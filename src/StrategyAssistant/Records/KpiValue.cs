using System.Text.RegularExpressions;
using StrategyAssistant.Documents;

namespace StrategyAssistant.Records;

/// <summary>A baseline (基準値), target (目標値) or actual (実績値): the text exactly as written, the number when it is one,
/// its unit and fiscal year or period, and where it stands.</summary>
/// <param name="Text">The cell exactly as written, e.g. <c>9,817 (令和元年度)</c> or <c>基準値を維持</c>.</param>
/// <param name="Number">The parsed number, or null when the text is not one (—, 法定雇用率以上).</param>
/// <param name="Unit">The unit (from the cell, else from the indicator's heading), or null.</param>
/// <param name="Period">The fiscal year or span the value is for, or null when the document does not say.</param>
/// <param name="Note">Anything else the cell says (e.g. 累計数, 計画終了時), or null.</param>
/// <param name="Source">Where the value stands.</param>
public sealed partial record KpiValue(string Text, decimal? Number, string? Unit, FiscalPeriod? Period, string? Note, Citation Source)
{
    /// <summary>The header, caption or title line that gives the value's year or unit, when it stands apart from the value.</summary>
    public Citation? PeriodSource { get; init; }

    /// <summary>Why the value is not stated, as the document says it (a 備考 cell, a ※ footnote, a parenthesis after －), with
    /// where it says so; null when the document gives no reason. A blank cell with a reason is a value whose
    /// <see cref="Text"/> is empty.</summary>
    public MissingReason? MissingReason { get; init; }

    /// <summary>The figure as a person reads it: the number with its unit as written, else the text.</summary>
    public string Display => ValueText + (Number is not null && Unit is not null
        && !ValueText.Normalize(System.Text.NormalizationForm.FormKC).EndsWith(Unit.Normalize(System.Text.NormalizationForm.FormKC), StringComparison.Ordinal) ? Unit : string.Empty);

    /// <summary>The part of <see cref="Text"/> that is the value, without trailing (year) notes.</summary>
    public string ValueText => SplitNotes(Text.Trim(), out _);

    /// <summary>Reads a cell such as <c>705 (令和2-6年度累計数)</c>, <c>62,000PV（R6年度）</c>, <c>7,740人(平成27年)</c>, <c>—</c>
    /// or <c>3,908 (R元年度) (R3年9月中頃に実績値把握予定)</c>: the value, then its parenthesised notes; the first note that names a
    /// fiscal year gives the period (else the value's own text, else <paramref name="defaultPeriod"/>).</summary>
    /// <param name="text">The cell as written.</param>
    /// <param name="source">Where it stands.</param>
    /// <param name="defaultPeriod">The year the column header gives, used when the cell names none.</param>
    /// <param name="defaultUnit">The unit the indicator name gives (…(%) or …(人)), used when the cell has none.</param>
    public static KpiValue Parse(string text, Citation source, FiscalPeriod? defaultPeriod = null, string? defaultUnit = null)
    {
        string trimmed = (text ?? string.Empty).Trim();
        string valuePart = SplitNotes(trimmed, out List<string> notes);
        FiscalPeriod? period = null;
        foreach (string inner in notes)
        {
            period = FiscalYearParser.Parse(inner);
            if (period is not null)
            {
                break;
            }
        }

        bool isNumber = Quantity.TryParse(valuePart, out Quantity q);
        period ??= !isNumber ? FiscalYearParser.Parse(valuePart) : null;
        decimal? number = null;
        string? unit = defaultUnit;
        if (isNumber)
        {
            number = q.Value;
            unit = q.Unit ?? defaultUnit;
        }

        string? note = notes.Count == 0 ? null : string.Join(" ", notes);
        return new KpiValue(trimmed, number, unit, period ?? defaultPeriod, note, source);
    }

    /// <summary>Peels trailing parenthesised notes off a cell: <c>30(令和元年度実績) (令和2年度分については…)</c> → <c>30</c>
    /// and the notes left to right. A cell that is nothing but a parenthesis keeps it as its value.</summary>
    private static string SplitNotes(string cell, out List<string> notes)
    {
        notes = [];
        string rest = cell;
        while (true)
        {
            System.Text.RegularExpressions.Match m = TrailingParenthesis().Match(rest);
            if (!m.Success || m.Index == 0)
            {
                break;
            }

            notes.Insert(0, m.Groups["inner"].Value.Trim());
            rest = rest[..m.Index].TrimEnd();
        }

        return rest.Trim();
    }

    [GeneratedRegex(@"\s?[(（](?<inner>[^()（）]*)[)）]\s*$")]
    private static partial Regex TrailingParenthesis();
}

/// <summary>A document's reason for a value it does not state (－, 算出不可, 調査中, a blank cell), verbatim, and its line.</summary>
public sealed record MissingReason(string Text, Citation Source);

/// <summary>One point of a yearly series (砂川市: 3–7年度 目標値/実績値 rows).</summary>
public sealed record YearlyValue(FiscalYear Year, KpiValue? Target, KpiValue? Actual);
