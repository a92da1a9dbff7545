using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using StrategyAssistant.Documents;

namespace StrategyAssistant.Records;

/// <summary>Text helpers shared by the layout extractors: table cells, marks, indicator names and value cells in the
/// forms the documents write them.</summary>
internal static partial class TableCellText
{
    /// <summary>The cells of a tab-separated line, markup removed and trimmed (empty cells kept, so positions hold).</summary>
    public static string[] Cells(string line) => line.Split('\t').Select(Clean).ToArray();

    /// <summary>A line or cell without HTML/Markdown remnants (also tags <see cref="Markup"/> leaves, such as &lt;ul style=…&gt;), trimmed.</summary>
    public static string Clean(string text)
    {
        string stripped = Markup.Strip(text);
        if (stripped.Contains('<', StringComparison.Ordinal))
        {
            stripped = AnyTag().Replace(stripped, " ");
        }

        // Spaces are kept as written, except the runs left where markup was removed.
        return (string.Equals(stripped, text, StringComparison.Ordinal) ? stripped : MultiSpace().Replace(stripped, " ")).Trim();
    }

    /// <summary>Splits a leading mark (①, ア, (1), 1.) from a title.</summary>
    public static (string? Mark, string Title) SplitCircledMark(string text)
    {
        string t = text.Trim();
        if (t.Length > 0 && LayoutText.IsCircled(t[0]))
        {
            int end = 1;
            while (end < t.Length && LayoutText.IsCircled(t[end]))
            {
                end++;
            }

            return (t[..end], t[end..].Trim());
        }

        return (null, t);
    }

    /// <summary>The circled marks at the start of a footnote such as <c>①②住民基本台帳人口 (…)</c>.</summary>
    public static IReadOnlyList<char> LeadingCircled(string text)
    {
        var marks = new List<char>();
        foreach (char c in text.TrimStart())
        {
            if (!LayoutText.IsCircled(c))
            {
                break;
            }

            marks.Add(c);
        }

        return marks;
    }

    /// <summary>An indicator name as written, without spaces the PDF extraction put between two Japanese characters
    /// (新規林業従事者 数 → 新規林業従事者数) and without footnote marks (※4).</summary>
    public static string IndicatorName(string text)
    {
        string t = FootnoteRef().Replace(Clean(text), string.Empty).Trim();
        return JapaneseGap().Replace(t, string.Empty);
    }

    /// <summary>True for a character of Japanese script (kana, kanji, full-width punctuation and brackets).</summary>
    public static bool IsJapanese(char c) =>
        c is (>= '\u3000' and <= '\u30FF') or (>= '\u4E00' and <= '\u9FFF') or (>= '\uFF00' and <= '\uFF65') or '～' or '・';

    /// <summary>Reads a value cell through <see cref="KpiValue.Parse"/>, working around forms the shared parsers do not read:
    /// a whole-cell parenthesis <c>(79.12歳)</c> (a reference value), a prefix <c>暫定値43.1</c>, spaces inside a unit
    /// <c>8,386.607 kg-CO ₂</c>, <c>全3校</c>, and a qualifier glued to the unit (<c>50%以上</c>).</summary>
    public static KpiValue Value(string text, Citation source, FiscalPeriod? defaultPeriod = null, string? defaultUnit = null)
    {
        string written = Clean(text);
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
        if (compact.Length != parsed.ValueText.Length && !compact.Any(IsJapanese) && Quantity.TryParse(compact, out Quantity joined))
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

        return parsed;
    }

    /// <summary>Reads a value with a leading span such as <c>5年間で200人</c> or <c>5年後に△100人</c>: the text is kept,
    /// the number read from the rest, the period set from <paramref name="span"/> / <paramref name="end"/>.</summary>
    public static KpiValue SpanValue(string text, Citation source, FiscalPeriod? span, FiscalPeriod? end, string? defaultUnit = null)
    {
        string written = Clean(text);
        System.Text.RegularExpressions.Match m = SpanPrefix().Match(written);
        if (!m.Success)
        {
            return Value(written, source, end, defaultUnit);
        }

        bool cumulative = m.Groups["kind"].Value == "間で";
        KpiValue rest = Value(m.Groups["rest"].Value, source, null, defaultUnit);
        FiscalPeriod? period = cumulative && span is not null
            ? new FiscalPeriod(span.Start, span.End, m.Value[..(m.Groups["rest"].Index - m.Index)].Trim(), true)
            : end;
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
        string t = Clean(cell);
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

    /// <summary>A 基本目標 heading (基本目標1 …, 基本目標 1 「…」, 【基本目標 3】…), or null.</summary>
    public static Goal? GoalHeading(string line)
    {
        System.Text.RegularExpressions.Match m = GoalPattern().Match(Clean(line));
        if (!m.Success)
        {
            return null;
        }

        int number = int.Parse(FiscalYearParser.FoldWidth(m.Groups["n"].Value), CultureInfo.InvariantCulture);
        return new Goal(number, m.Groups["title"].Value.Trim());
    }

    /// <summary>The plan period a document states, e.g. 第2期総合戦略（令和2年度～令和6年度）, or null.</summary>
    public static FiscalPeriod? PlanPeriod(SourceDocument document)
    {
        foreach (string line in document.Lines)
        {
            bool statesPlan = (line.Contains("総合戦略", StringComparison.Ordinal) && line.Contains('期')) || line.Contains("計画期間", StringComparison.Ordinal);
            if (!statesPlan)
            {
                continue;
            }

            foreach (FiscalYearParser.Match m in FiscalYearParser.FindAll(line))
            {
                int years = m.Period.End.Year - m.Period.Start.Year + 1;
                if (!m.Period.Cumulative && years is >= 3 and <= 6 && m.Period.Start.Year >= 2015)
                {
                    return m.Period;
                }
            }
        }

        return null;
    }

    /// <summary>Splits a commentary into what happened (assessment) and what comes next (outlook): the outlook starts at the
    /// first sentence that speaks of the future (今後, 引き続き …).</summary>
    public static (string? Assessment, string? Outlook) SplitComment(string? comment)
    {
        if (string.IsNullOrWhiteSpace(comment))
        {
            return (null, null);
        }

        string text = Clean(comment);
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

    /// <summary>Edit distance, for matching an indicator name written two ways (暮らし / くらし).</summary>
    public static int Distance(string a, string b)
    {
        int[] previous = new int[b.Length + 1];
        int[] current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    /// <summary>A name for comparison: no spaces, brackets unified.</summary>
    public static string Key(string text) =>
        FiscalYearParser.FoldWidth(text).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("　", string.Empty, StringComparison.Ordinal);

    /// <summary>A money amount as written (<c>11億7,547万円</c>, <c>31,225千円</c>) with its unit, or null when the text is not one.</summary>
    public static Money? ParseMoney(string text, string defaultUnit = "円")
    {
        string written = Clean(text);
        if (!Quantity.TryParse(written, out Quantity q))
        {
            return null;
        }

        string unit = q.Unit ?? defaultUnit;
        return new Money(written, q.Value, unit);
    }

    public static int ParseInt(string digits) => int.Parse(FiscalYearParser.FoldWidth(digits), CultureInfo.InvariantCulture);

    [GeneratedRegex(@"<[A-Za-z/][^>]*>")]
    private static partial Regex AnyTag();

    [GeneratedRegex(@"[ \u00A0]{2,}")]
    private static partial Regex MultiSpace();

    [GeneratedRegex(@"※\s?\d+")]
    private static partial Regex FootnoteRef();

    [GeneratedRegex(@"(?<=[\u3040-\u30FF\u4E00-\u9FFF])\s+(?=[\u3040-\u30FF\u4E00-\u9FFF])")]
    private static partial Regex JapaneseGap();

    [GeneratedRegex(@"^\s*[(（](?<inner>[^()（）]+)[)）]\s*$")]
    private static partial Regex WholeParenthesis();

    [GeneratedRegex(@"^(?<word>暫定値|速報値|推計値|全|約)\s?(?<rest>[△▲\-−]?\d.*)$")]
    private static partial Regex WordBeforeNumber();

    [GeneratedRegex(@"^(?<head>\d+\s?年(?<kind>間で|後に|後))\s?(?<rest>.+)$")]
    private static partial Regex SpanPrefix();

    [GeneratedRegex(@"増加|減少|削減|向上|改善|の|を|に")]
    private static partial Regex RelativeUnit();

    [GeneratedRegex(@"^(?<unit>.*?)(?<q>以上|以下|未満|程度|超)$")]
    private static partial Regex QualifiedUnit();

    [GeneratedRegex(@"^[【\s]*基本目標\s*(?<n>[0-9０-９]+)\s*】?\s*(?<title>.*)$")]
    private static partial Regex GoalPattern();

    [GeneratedRegex(@"今後|引き続き|継続していく|していきたい|検討していく|努める|図っていく")]
    private static partial Regex FutureWords();
}
