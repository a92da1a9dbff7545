using System.Globalization;
using System.Text.RegularExpressions;
using StrategyAssistant.Documents;
using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion.Interpreters;

/// <summary>Value cells of the cell-text module: figures with their year and unit as the documents write them, money
/// amounts, header years.</summary>
public static partial class CellValue
{
    /// <summary>Reads a value cell through <see cref="KpiValue.Parse"/>, working around forms the shared parsers do not read:
    /// a whole-cell parenthesis <c>(79.12歳)</c> (a reference value), a prefix <c>暫定値43.1</c>, spaces inside a unit
    /// <c>8,386.607 kg-CO ₂</c>, <c>全3校</c>, and a qualifier glued to the unit (<c>50%以上</c>).</summary>
    public static KpiValue Value(string text, Citation source, FiscalPeriod? defaultPeriod = null, string? defaultUnit = null)
    {
        KpiValue value = Read(text, source, defaultPeriod, defaultUnit);
        // 55,400冊（令和5年3月31日現在）: the date the cell states its figure at is its year, before the column's.
        return value.Note is { } note && Layout.HeaderYear.AsOf(note) is { Period: { } asOf } ? value with { Period = asOf } : value;
    }

    private static KpiValue Read(string text, Citation source, FiscalPeriod? defaultPeriod, string? defaultUnit)
    {
        string written = CellText.Clean(text);
        if (SpanPrefix().Match(written) is { Success: true } span && !SpanPrefix().IsMatch(span.Groups["rest"].Value))
        {
            // 5年間で20品 in a table cell: the span read as in a line (the header's year ends it).
            return SpanValue(written, source, null, defaultPeriod, defaultUnit);
        }

        KpiValue parsed = KpiValue.Parse(written, source, defaultPeriod, defaultUnit);
        if (parsed.Number is not null && parsed.Unit is not null && RelativeUnit().IsMatch(parsed.Unit))
        {
            // 10%程度の増加 reads as 10 with the unit 「%程度の増加」: a change, not a figure.
            return parsed with { Number = null, Unit = defaultUnit };
        }

        if (parsed.Number is not null)
        {
            return SplitQualifier(parsed);
        }

        // (79.12歳): the whole cell in parentheses, a reference figure.
        System.Text.RegularExpressions.Match whole = WholeParenthesis().Match(written);
        if (whole.Success && Quantity.TryParse(whole.Groups["inner"].Value, out Quantity inner))
        {
            return parsed with { Number = inner.Value, Unit = inner.Unit ?? defaultUnit, Note = "括弧書き(参考値)" };
        }

        // 暫定値43.1, 全3校, 約20人: a word before the number.
        System.Text.RegularExpressions.Match prefixed = WordBeforeNumber().Match(parsed.ValueText);
        if (prefixed.Success && Quantity.TryParse(prefixed.Groups["rest"].Value, out Quantity afterWord))
        {
            string word = prefixed.Groups["word"].Value;
            string note = parsed.Note is null ? word : word + " " + parsed.Note;
            return parsed with { Number = afterWord.Value, Unit = afterWord.Unit ?? defaultUnit, Note = note };
        }

        // 8,386.607 kg-CO ₂: spaces inside the unit.
        string compact = parsed.ValueText.Replace(" ", string.Empty, StringComparison.Ordinal);
        if (compact.Length != parsed.ValueText.Length && !compact.Any(CellText.IsJapanese) && Quantity.TryParse(compact, out Quantity joined))
        {
            return SplitQualifier(parsed with { Number = joined.Value, Unit = joined.Unit ?? defaultUnit });
        }

        // 50%以上: the number parser refuses a qualifier in the unit; read the number and keep the qualifier as a note.
        System.Text.RegularExpressions.Match qualified = QualifiedUnit().Match(parsed.ValueText);
        if (qualified.Success && Quantity.TryParse(qualified.Groups["unit"].Value, out Quantity beforeQualifier))
        {
            string q = qualified.Groups["q"].Value;
            return parsed with { Number = beforeQualifier.Value, Unit = beforeQualifier.Unit ?? defaultUnit, Note = parsed.Note is null ? q : q + " " + parsed.Note };
        }

        return Kanji(parsed, defaultUnit);
    }

    /// <summary>十五人, 約３万１千人, ２５万人以上 with kanji: the number read (the text kept), a word before it and a qualifier
    /// after it kept as the note, the unit only when the vocabulary knows it.</summary>
    private static KpiValue Kanji(KpiValue parsed, string? defaultUnit)
    {
        string text = parsed.ValueText.Trim();
        Match word = WordBeforeKanji().Match(text);
        string? before = word.Success ? word.Groups["word"].Value : null;
        text = word.Success ? word.Groups["rest"].Value : text;
        if (!word.Success && Vocabulary.StrategyVocabulary.Default.SpanPrefixes.FirstOrDefault(p => text.StartsWith(p, StringComparison.Ordinal) && text.Length > p.Length) is { } span)
        {
            // 累計十二人, 毎年三人: the span word stays in the text and goes to the note.
            before = span;
            text = text[span.Length..];
        }

        Match qualified = QualifiedUnit().Match(text);
        string? after = qualified.Success ? qualified.Groups["q"].Value : null;
        text = qualified.Success ? qualified.Groups["unit"].Value : text;
        if (!KanjiNumerals.TryParse(text, out decimal number, out string? unit))
        {
            return parsed;
        }

        string? note = string.Join(" ", new[] { before, after, parsed.Note }.Where(n => n is { Length: > 0 }));
        return parsed with { Number = number, Unit = unit ?? defaultUnit, Note = note.Length == 0 ? null : note };
    }

    /// <summary>Reads a value with a leading span such as <c>5年間で200人</c> or <c>5年後に△100人</c>: the text is kept,
    /// the number read from the rest. A cumulative value (N年間で) covers <paramref name="span"/> when the document states
    /// the period, else the N years the cell states ending at <paramref name="end"/>; any other value is of <paramref name="end"/>.</summary>
    public static KpiValue SpanValue(string text, Citation source, FiscalPeriod? span, FiscalPeriod? end, string? defaultUnit = null)
    {
        string written = CellText.Clean(text);
        System.Text.RegularExpressions.Match m = SpanPrefix().Match(written);
        if (!m.Success)
        {
            return Value(written, source, end, defaultUnit);
        }

        bool cumulative = m.Groups["kind"].Value == "間で";
        KpiValue rest = Value(m.Groups["rest"].Value, source, null, defaultUnit);
        string spanText = m.Value[..(m.Groups["rest"].Index - m.Index)].Trim();
        int years = ParseInt(m.Groups["years"].Value);
        FiscalPeriod? period = !cumulative ? end
            : span is not null ? new FiscalPeriod(span.Start, span.End, spanText, true)
            : end is not null && years > 0 ? new FiscalPeriod(new FiscalYear(end.End.Year - years + 1), end.End, spanText, true)
            : null;
        string note = m.Groups["head"].Value.Trim();
        return new KpiValue(written, rest.Number, rest.Unit, period, rest.Note is null ? note : note + " " + rest.Note, source);
    }

    /// <summary>Moves a qualifier the number parser left in the unit (<c>%以上</c>, <c>人程度</c>) into the note.</summary>
    private static KpiValue SplitQualifier(KpiValue value)
    {
        if (value.Unit is null)
        {
            return value;
        }

        System.Text.RegularExpressions.Match q = QualifiedUnit().Match(value.Unit);
        if (!q.Success)
        {
            return value;
        }

        string unit = q.Groups["unit"].Value;
        string qualifier = q.Groups["q"].Value;
        return value with
        {
            Unit = unit.Length == 0 ? null : unit,
            Note = value.Note is null ? qualifier : qualifier + " " + value.Note,
        };
    }

    /// <summary>The unit of a value or of an indicator name's trailing (単位).</summary>
    public static string? UnitOf(params KpiValue?[] values) => values.FirstOrDefault(v => v?.Unit is not null)?.Unit;

    /// <summary>The fiscal year a header cell names when the cell is only that (2020年度, 令和3年度, 3年度, 2015年), else null.</summary>
    public static FiscalPeriod? HeaderYear(string cell, FiscalYearParser.Era bareEra = FiscalYearParser.Era.None)
    {
        string t = CellText.Clean(cell);
        if (t.Length == 0)
        {
            return null;
        }

        foreach (FiscalYearParser.Match m in FiscalYearParser.FindAll(t, bareEra))
        {
            string rest = (t[..m.Index] + t[(m.Index + m.Length)..]).Trim();
            if (m.Period.IsSingleYear && (rest.Length == 0 || rest is "度" or "末"))
            {
                return m.Period;
            }

            return null;
        }

        return null;
    }

    /// <summary>A money amount as written (<c>11億7,547万円</c>, <c>31,225千円</c>) with its unit, or null when the text is not one.</summary>
    public static Money? ParseMoney(string text, string defaultUnit = "円")
    {
        string written = CellText.Clean(text);
        if (!Quantity.TryParse(written, out Quantity q))
        {
            return null;
        }

        string unit = q.Unit ?? defaultUnit;
        return new Money(written, q.Value, unit);
    }

    public static int ParseInt(string digits) => int.Parse(FiscalYearParser.FoldWidth(digits), CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\s*[(（](?<inner>[^()（）]+)[)）]\s*$")]
    private static partial Regex WholeParenthesis();

    [GeneratedRegex(@"^(?<word>暫定値|速報値|推計値|全|約)\s?(?<rest>[△▲\-−]?\d.*)$")]
    private static partial Regex WordBeforeNumber();

    [GeneratedRegex(@"^(?<word>暫定値|速報値|推計値|全|約)\s?(?<rest>[△▲\-−]?[\d〇一二三四五六七八九十].*)$")]
    private static partial Regex WordBeforeKanji();

    [GeneratedRegex(@"^(?<head>(?<years>\d+)\s?年(?<kind>間で|後に|後))\s?(?<rest>.+)$")]
    private static partial Regex SpanPrefix();

    [GeneratedRegex(@"増加|減少|削減|向上|改善|の|を|に")]
    private static partial Regex RelativeUnit();

    [GeneratedRegex(@"^(?<unit>.*?)(?<q>以上|以下|未満|程度|超)$")]
    private static partial Regex QualifiedUnit();
}
