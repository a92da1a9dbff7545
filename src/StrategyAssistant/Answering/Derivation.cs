namespace StrategyAssistant.Answering;

/// <summary>What a derived figure computes.</summary>
public enum DerivationKind
{
    Sum,
    Difference,
    Count,
    Ratio,
    Comparison,
    Ranking,
}

/// <summary>One cited figure a derivation is computed from.</summary>
/// <param name="Value">The value exactly as the document writes it (e.g. <c>12,000</c>).</param>
/// <param name="Unit">Its unit (千円, 人, % …), or null.</param>
/// <param name="Citation">The 1-based number of the citation in <see cref="Answer.Citations"/> whose quote holds the value.</param>
/// <param name="Label">What the operand is (the project or indicator and its role), for tables.</param>
public sealed record DerivationOperand(string Value, string? Unit, int Citation, string? Label = null);

/// <summary>A figure the answer computes from cited figures (a sum, difference, count, ratio, comparison or ranking),
/// computed in <see cref="decimal"/>. The grounding check accepts <see cref="Result"/> only when <see cref="Expression"/>
/// stands in the answer text, every operand stands in the quote of its citation, and the arithmetic recomputes to the
/// result; every other number must stand in a cited quote.</summary>
/// <param name="Kind">What is computed.</param>
/// <param name="Expression">The derivation as shown to the user (e.g. <c>12,000千円 + 3,500千円 = 15,500千円</c>).</param>
/// <param name="Result">The computed figure as shown (e.g. <c>15,500千円</c>; for a count, <c>5</c>).</param>
/// <param name="Operands">The cited figures it is computed from (for a count, the counted items).</param>
public sealed record Derivation(DerivationKind Kind, string Expression, string Result, IReadOnlyList<DerivationOperand> Operands);
