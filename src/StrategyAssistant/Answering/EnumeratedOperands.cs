using System.Text;
using System.Text.RegularExpressions;

namespace StrategyAssistant.Answering;

/// <summary>The records a question enumerates by name (「A・B・C の合計」, 「AとBを合わせた」, 「X、小学校と中学校」): the question is
/// split at its separators into items, each item resolves to the one record whose name holds it (bigrams, with 中黒 and の
/// ignored), and an item that several names hold in full (学校図書館活性化推進事業) narrows the items after it to those names.</summary>
internal static partial class EnumeratedOperands
{
    /// <summary>A name holds an item when it holds this share of the item's bigrams.</summary>
    private const double MinItemCoverage = 0.75;

    /// <summary>The records the question enumerates, in its order; empty unless at least two resolve.</summary>
    public static IReadOnlyList<T> Find<T>(Question question, IReadOnlyList<(string Name, T Item)> candidates)
        where T : class
    {
        string text = question.Cities.Aggregate(question.Text.Normalize(NormalizationForm.FormKC), (t, c) => t.Replace(c, "、", StringComparison.Ordinal).Replace(c.TrimEnd('市', '町', '村'), "、", StringComparison.Ordinal));
        var names = candidates.Select(c => (Plain: Plain(c.Name), c.Item)).ToList();
        var found = new List<T>();
        string plainText = Plain(text);
        List<(string Plain, T Item)> scope = names;
        foreach (string item in Separator().Split(text).Select(p => Plain(Item(p))).Where(i => i.Length >= 3 || (i.Length >= 2 && scope != names)))
        {
            if (scope.FirstOrDefault(n => n.Plain == item) is { Item: not null } exact)
            {
                if (!found.Contains(exact.Item))
                {
                    found.Add(exact.Item);
                }

                continue;
            }

            var holding = scope.Select(n => (n.Item, n.Plain, Coverage: Coverage(item, n.Plain))).Where(x => x.Coverage >= MinItemCoverage).OrderByDescending(x => x.Coverage).ToList();
            if (holding.Count == 0)
            {
                continue;
            }

            var tied = holding.TakeWhile(x => x.Coverage >= holding[0].Coverage).ToList();
            if (tied.Count >= 2)
            {
                // An item several names hold (防止対策): the one that shares most with the rest of the question (いじめ関係の…).
                var context = tied.Select(x => (x.Item, Shared: Coverage(x.Plain, plainText))).OrderByDescending(x => x.Shared).ToList();
                if (context[0].Shared > context[1].Shared)
                {
                    tied = [tied.First(x => ReferenceEquals(x.Item, context[0].Item))];
                }
                else if (found.Count == 0 && scope == names)
                {
                    // A name several records share (学校図書館活性化推進事業, for 小学校 and 中学校): the items after it tell them apart.
                    scope = [.. scope.Where(n => tied.Any(w => ReferenceEquals(w.Item, n.Item)))];
                    continue;
                }
            }

            if (tied.Count == 1 && !found.Contains(tied[0].Item))
            {
                found.Add(tied[0].Item);
            }
        }

        return found.Count >= 2 ? found : [];
    }

    /// <summary>The share of <paramref name="item"/>'s bigrams that <paramref name="name"/> holds.</summary>
    internal static double Coverage(string item, string name)
    {
        if (item.Length < 2)
        {
            return 0;
        }

        int held = 0;
        for (int i = 0; i + 1 < item.Length; i++)
        {
            held += name.Contains(item.AsSpan(i, 2), StringComparison.Ordinal) ? 1 : 0;
        }

        return (double)held / (item.Length - 1);
    }

    /// <summary>An item without the particles around it: 「で保育料の負担軽減の対象児童」 → 保育料負担軽減対象児童.</summary>
    private static string Item(string part)
    {
        string trimmed = EdgeParticles().Replace(part.Trim(), string.Empty);
        int cut = TrailingClause().Match(trimmed) is { Success: true } m ? m.Index : trimmed.Length;
        return trimmed[..cut];
    }

    /// <summary>NFKC, without 中黒, spaces and the particle の between words.</summary>
    internal static string Plain(string text) =>
        InnerNo().Replace(text.Normalize(NormalizationForm.FormKC).Replace("・", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal), string.Empty);

    [GeneratedRegex(@"[、,，()（）「」『』\[\]［］?？。・\s]|(?<=[\p{IsCJKUnifiedIdeographs}ァ-ヶー0-9)）」』])と|及び|および|並びに|ならびに")]
    private static partial Regex Separator();

    [GeneratedRegex(@"^(?:で|の|は|が|を|に|も|と|、)+")]
    private static partial Regex EdgeParticles();

    // Where the item's words end and the question goes on: を合わせた予算は, の予算の合計は.
    [GeneratedRegex(@"(?:を|は|が|で|に|も|の(?=予算|事業費|合計|値|基準|目標|実績)|あわせ|合わせ|足し|足す)")]
    private static partial Regex TrailingClause();

    [GeneratedRegex(@"(?<=[\p{IsCJKUnifiedIdeographs}ァ-ヶー])の(?=[\p{IsCJKUnifiedIdeographs}ァ-ヶー])")]
    private static partial Regex InnerNo();
}
