using System.Text.RegularExpressions;
using StrategyAssistant.Ingestion.Layout;
using StrategyAssistant.Records;
using StrategyAssistant.Ingestion.Vocabulary;

namespace StrategyAssistant.Ingestion.Interpreters;

/// <summary>Reads a project written as a list item rather than a table row: 「・移住支援金給付事業（企画課）　事業費：12,400千円」,
/// 「◆観光案内所運営事業　担当：商工観光課　予算 1,200千円」, 「(1) 地域おこし協力隊活用事業　企画政策課　5,600」 (the unit from the
/// nearest 単位 line above), 「①」, an item wrapped onto an indented next line. Each field's role comes from the vocabulary
/// (budget and department role words, department suffixes, project role words); the item stands under the heading path.
/// A line is an item only with a money figure and a sign that it names a project (a department, a budget word, or a name
/// ending in a project word); a line with a KPI role word or an arrow is left to the KPI readers.</summary>
public sealed partial class ProjectLineInterpreter
{
    /// <summary>Reads the item at <paramref name="index"/>; returns the last line it consumed, or -1 when it is none.</summary>
    public int TryRead(int index, InterpretContext context)
    {
        IReadOnlyList<LayoutLine> lines = context.Document.Lines;
        LayoutLine line = lines[index];
        Match mark = ItemMark().Match(line.Text);
        if (!mark.Success || mark.Length == line.Text.Length)
        {
            return -1;
        }

        string body = line.Text[mark.Length..].Trim();
        int last = index;
        Item? item = Parse(body, index, context);
        if (item is null && !CellText.HasFigure(body) && index + 1 < lines.Count && Continues(line, lines[index + 1], context))
        {
            // The item wrapped onto the next line: the name runs on (…イベント ⏎ 開催支援事業 商工課 2,000), or the fields follow.
            string next = lines[index + 1].Text.Trim();
            bool nameRunsOn = CellText.IsJapanese(body[^1]) && CellText.IsJapanese(next[0]) && !StartsWithRoleWord(next, context.Vocabulary);
            item = Parse(body + (nameRunsOn ? string.Empty : "　") + next, index, context);
            last = index + 1;
        }

        if (item is null)
        {
            return -1;
        }

        string number = mark.Value.Trim();
        context.Projects.Add(new ProjectRecord
        {
            Id = $"{context.Document.Info.File}:{line.Number}",
            City = context.Document.Info.City,
            Source = context.Document.Cite(line.Number, lines[last].Number),
            Goal = context.Headings.Goal,
            Measure = context.Headings.Measure,
            Number = number.Any(char.IsDigit) || NumberedMark().IsMatch(number) ? number : null,
            Name = CellText.Indicator(item.Name),
            Department = item.Department,
            Budget = item.Budget,
            IsRepeat = item.Repeat,
        });
        if (item.Budget.Unit.Length == 0)
        {
            context.Notes.Add(new DataQualityNote(context.Document.Info.City, "unit-missing",
                $"「{item.Name}」の事業費「{item.Budget.Text}」は単位が記載されていません。",
                [context.Document.Cite(line.Number, lines[last].Number)]) { Subjects = [item.Name] });
        }

        return last;
    }

    private sealed record Item(string Name, string? Department, Money Budget, bool Repeat);

    private static Item? Parse(string body, int index, InterpretContext context)
    {
        StrategyVocabulary vocabulary = context.Vocabulary;
        if (vocabulary.ForwardArrows.Concat(vocabulary.BackwardArrows).Any(a => body.Contains(a, StringComparison.Ordinal)))
        {
            return null;
        }

        List<string> tokens = [.. Gap().Split(body).Where(t => t.Length > 0)];
        if (tokens.Count < 2)
        {
            return null;
        }

        (string name, string? department) = WithDepartment(tokens[0], vocabulary);
        if (!name.Any(CellText.IsJapanese) || CellText.HasFigure(name) || vocabulary.RoleOf(name) != ColumnRole.None || ProjectTotals.KindOf(name, vocabulary) is not null)
        {
            return null;
        }

        string? budget = null;
        bool byWord = false;
        var bare = new List<string>();
        for (int t = 1; t < tokens.Count; t++)
        {
            (string? label, string value) = Labelled(tokens[t], vocabulary);
            if (label is not null && value.Length == 0 && t + 1 < tokens.Count)
            {
                value = tokens[++t];
            }

            ColumnRole role = label is null ? ColumnRole.None : vocabulary.RoleOf(label);
            switch (role)
            {
                case ColumnRole.Budget:
                    (budget, string? after) = WithDepartment(value, vocabulary);
                    department ??= after;
                    byWord = true;
                    break;
                case ColumnRole.Department:
                    department ??= value;
                    break;
                case ColumnRole.None:
                    (string plain, string? bracketed) = WithDepartment(tokens[t], vocabulary);
                    department ??= bracketed;
                    if (ProjectTotals.Reprinted(plain, out _) || Quantity.TryParse(plain, out _))
                    {
                        bare.Add(plain);
                    }
                    else if (vocabulary.IsDepartment(plain))
                    {
                        department ??= plain;
                    }

                    break;
                default:
                    // 基準値 / 目標値 / 実績値 …: a KPI line.
                    return null;
            }
        }

        budget ??= bare.Count == 1 ? bare[0] : null;
        if (budget is null || !(byWord || department is not null || EndsWithProjectWord(name, vocabulary)))
        {
            return null;
        }

        bool repeat = ProjectTotals.Reprinted(budget, out string figure);
        if (!Quantity.TryParse(figure, out Quantity q))
        {
            return null;
        }

        string unit = q.Unit ?? ListUnit(context, index) ?? string.Empty;
        if (unit.Length > 0 ? !IsMoney(unit) : !byWord)
        {
            return null;
        }

        return new Item(name, department, new Money(budget, unit.Length == 0 ? null : q.Value, unit), repeat);
    }

    /// <summary>A field written with its role word: 事業費：12,400千円, 担当：企画課, 予算（a word alone, its value the next field),
    /// 事業費12,400千円; the label null for a field without one.</summary>
    private static (string? Label, string Value) Labelled(string token, StrategyVocabulary vocabulary)
    {
        int colon = token.IndexOfAny(['：', ':']);
        if (colon > 0)
        {
            return (token[..colon], token[(colon + 1)..].Trim());
        }

        if (vocabulary.RoleOf(token) != ColumnRole.None)
        {
            return (token, string.Empty);
        }

        int digit = token.AsSpan().IndexOfAny(FigureStart);
        return digit > 0 && vocabulary.RoleOf(token[..digit]) != ColumnRole.None ? (token[..digit], token[digit..]) : (null, token);
    }

    /// <summary>A field with a department in brackets after it (移住支援金給付事業（企画課）): the field and the department.</summary>
    private static (string Text, string? Department) WithDepartment(string token, StrategyVocabulary vocabulary)
    {
        Match m = TrailingBracket().Match(token);
        return m.Success && m.Index > 0 && vocabulary.IsDepartment(m.Groups["inner"].Value.Trim())
            ? (token[..m.Index], m.Groups["inner"].Value.Trim())
            : (token, null);
    }

    // Where a figure written straight after its role word begins (事業費12,400千円, 予算（12,400）).
    private static readonly System.Buffers.SearchValues<char> FigureStart = System.Buffers.SearchValues.Create("0123456789０１２３４５６７８９(（");

    private static bool EndsWithProjectWord(string name, StrategyVocabulary vocabulary) =>
        Enumerable.Range(1, Math.Min(4, name.Length - 1)).Any(n => vocabulary.RoleOf(name[^n..]) == ColumnRole.Project);

    private static bool StartsWithRoleWord(string text, StrategyVocabulary vocabulary) =>
        Labelled(Gap().Split(text.Trim())[0], vocabulary).Label is { } label && vocabulary.RoleOf(label) != ColumnRole.None;

    private static bool IsMoney(string unit) => unit.EndsWith('円');

    /// <summary>The unit the nearest 単位 statement above gives (（単位：千円）, a title ending in one), or null.</summary>
    private static string? ListUnit(InterpretContext context, int index)
    {
        for (int i = index - 1; i >= 0; i--)
        {
            string text = context.Document.Lines[i].Text;
            if (text.Contains("単位", StringComparison.Ordinal) && context.Vocabulary.UnitIn(text) is { } unit)
            {
                return unit;
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="next"/> carries on the item above: indented under it, no item mark, no heading.</summary>
    private static bool Continues(LayoutLine line, LayoutLine next, InterpretContext context)
    {
        if (next.IsBlank || ItemMark().IsMatch(next.Text) || context.Headings.Classify(next.Text) != HeadingKind.None)
        {
            return false;
        }

        return next.Raw is { } raw
            ? raw.Length > 0 && char.IsWhiteSpace(raw[0])
            : next.Cells.Count > 0 && line.Cells.Count > 0 && next.Cells[0].Start > line.Cells[0].Start;
    }

    // A list item's mark: a bullet (・ ◆ ■ ● ○ ◎ ▶ ★ - …), (1) / （１）, ① … ⑳, 1. / 1）.
    [GeneratedRegex(@"^\s*(?:[・◆◇■□●○◎▶▷►▸★☆•＊*－-]|[（(][0-9０-９]{1,2}[)）]|[①-⑳]|[0-9０-９]{1,2}[.．)）])\s*")]
    private static partial Regex ItemMark();

    [GeneratedRegex(@"^(?:[（(][0-9０-９]{1,2}[)）]|[①-⑳])$")]
    private static partial Regex NumberedMark();

    [GeneratedRegex(@"[\s\u3000]+")]
    private static partial Regex Gap();

    [GeneratedRegex(@"[（(](?<inner>[^（）()]+)[)）]$")]
    private static partial Regex TrailingBracket();
}
