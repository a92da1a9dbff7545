using System.Text.RegularExpressions;
using StrategyAssistant.Documents;

namespace StrategyAssistant.Answering.Grounding;

/// <summary>Verifies an answer's <see cref="Derivation"/>s: the expression stands in the answer text, every operand stands in
/// the quote of its citation, and the arithmetic recomputes (in decimal) to the result. The figures of a verified derivation
/// ground the claims that state them; a shown derivation that does not verify is itself an unsupported claim.</summary>
public static partial class DerivationCheck
{
    public static void AddVerified(GroundingSources sources, IReadOnlyList<Derivation> derivations, string answerText, IReadOnlyList<Citation> citations, List<string> untraced)
    {
        GroundingVocabulary words = sources.Vocabulary;
        string answer = Squash(Figures.Prepare(answerText));
        foreach (Derivation derivation in derivations)
        {
            string expression = Squash(Figures.Prepare(derivation.Expression));
            bool shown = expression.Length > 0 && answer.Contains(expression, StringComparison.Ordinal);
            string? failure = shown ? Verify(derivation, citations, words) : "式が回答にない";
            if (failure is null)
            {
                foreach (NumberToken number in Figures.Scan(Figures.Prepare(derivation.Expression + " " + derivation.Result), words, sources.Units))
                {
                    sources.AddDerived(number, $"derivation {derivation.Expression}");
                }
            }
            else if (shown)
            {
                untraced.Add($"{derivation.Expression}（{failure}）");
            }
        }
    }

    /// <summary>Null when the derivation verifies, else why not.</summary>
    public static string? Verify(Derivation derivation, IReadOnlyList<Citation> citations, GroundingVocabulary words)
    {
        var operands = new List<NumberToken>();
        foreach (DerivationOperand operand in derivation.Operands)
        {
            if (operand.Citation < 1 || operand.Citation > citations.Count)
            {
                return $"出典[{operand.Citation}]がない";
            }

            List<NumberToken> quoted = Figures.Scan(Figures.Prepare(citations[operand.Citation - 1].Quote), words);
            if (derivation.Kind == DerivationKind.Count && Figures.Read(operand.Value, operand.Unit, words) is null)
            {
                // A counted item need not be a number; it must stand in its quote.
                if (!Figures.Prepare(citations[operand.Citation - 1].Quote).Contains(Figures.Prepare(operand.Value).Trim(), StringComparison.Ordinal))
                {
                    return $"{operand.Value} が出典[{operand.Citation}]にない";
                }

                continue;
            }

            if (Figures.Read(operand.Value, operand.Unit, words) is not NumberToken value || !quoted.Any(q => Figures.SameQuantity(value, q)))
            {
                return $"{operand.Value} が出典[{operand.Citation}]にない";
            }

            operands.Add(value);
        }

        NumberToken? result = Figures.Read(derivation.Result, null, words);
        if (result is null)
        {
            return derivation.Kind is DerivationKind.Comparison or DerivationKind.Ranking ? null : "結果が数値でない";
        }

        NumberToken r = result.Value;
        bool ok = derivation.Kind switch
        {
            DerivationKind.Count => r.Full == derivation.Operands.Count,
            DerivationKind.Sum => operands.Count > 0 && Equal(r, operands.Sum(o => o.Full), operands.Sum(o => o.Raw)),
            DerivationKind.Difference => operands.Count == 2 && Equal(r, operands[0].Full - operands[1].Full, operands[0].Raw - operands[1].Raw),
            DerivationKind.Ratio => operands.Count == 2 && operands[1].Full != 0 && Ratio(r, operands[0].Full / operands[1].Full),
            _ => operands.Any(o => o.Full == r.Full || o.Raw == r.Raw)
                || (operands.Count == 2 && Equal(r, operands[0].Full - operands[1].Full, operands[0].Raw - operands[1].Raw)),
        };
        return ok ? null : "計算が合わない";
    }

    [GeneratedRegex(@"(?:https?://|www\.)[^\s<>""'「」（）()\[\]、。]+", RegexOptions.IgnoreCase)]
    public static partial Regex Url();

    private static bool Equal(NumberToken result, decimal full, decimal raw) =>
        Math.Abs(result.Full) == Math.Abs(full) || Math.Abs(result.Raw) == Math.Abs(raw) || Math.Abs(result.Full) == Math.Abs(raw);

    private static bool Ratio(NumberToken result, decimal ratio)
    {
        int decimals = result.Text.Contains('.', StringComparison.Ordinal) ? result.Text.Length - result.Text.IndexOf('.', StringComparison.Ordinal) - 1 - (result.Unit?.Length ?? 0) : 0;
        decimals = Math.Clamp(decimals, 0, 10);
        foreach (decimal candidate in new[] { ratio, ratio * 100m })
        {
            if (Math.Round(candidate, decimals, MidpointRounding.AwayFromZero) == result.Full || Math.Round(candidate, decimals, MidpointRounding.ToZero) == result.Full)
            {
                return true;
            }
        }

        return false;
    }

    private static string Squash(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
