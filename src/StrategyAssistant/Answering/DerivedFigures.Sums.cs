using StrategyAssistant.Records;

namespace StrategyAssistant.Answering;

/// <summary>Sums over what the question names besides records by name: one record's amounts for the years it names
/// (R2・R3・R4 の3年分), and the counts that goals' sections state (基本目標1と2の事業数を合わせると).</summary>
internal sealed partial class DerivedFigures
{
    /// <summary>The budgets one project line states for each year the question names (a yearly table's row), summed; the
    /// project is the best-ranked one that has an amount for every year asked, all in one unit.</summary>
    private bool TrySumOverYears(Question question, Evidence evidence, AnswerBuilder builder)
    {
        if (question.Years.Count < 2)
        {
            return false;
        }

        foreach (ProjectRecord best in _ranker.Best(evidence.Projects, p => p.Budget?.Amount is not null && p.BudgetYear is not null))
        {
            var yearly = question.Years
                .Select(y => _knowledge.ProjectsOf([best.City]).FirstOrDefault(p => p.City == best.City && p.Name == best.Name && p.Budget?.Amount is not null
                    && p.BudgetYear is { IsSingleYear: true } b && y.Contains(b.Start)))
                .ToList();
            if (yearly.All(p => p is not null) && yearly.Select(p => p!.Budget!.Unit).Distinct().Count() == 1 && yearly.Distinct().Count() == yearly.Count)
            {
                Render([.. yearly.Zip(question.Years, (p, y) => (Label: $"{y.Text} {p!.Name}", Money: p.Budget!, p.Source))], best.City, $"「{best.Name}」の{string.Join("・", question.Years.Select(y => y.Text))}の額", builder);
                return true;
            }
        }

        return false;
    }

    /// <summary>The counts the sections of the goals asked about state (小計(事業数:9、KPI数:8)), summed, for a question that
    /// counts what those lines count (事業数, 何事業, KPI数).</summary>
    private bool TrySumOfStatedCounts(Question question, IReadOnlyList<int> goals, AnswerBuilder builder)
    {
        if (goals.Count < 2 || QuestionVocabulary.Default.CountNouns.FirstOrDefault(n => question.Text.Contains(n + "数", StringComparison.Ordinal)
            || question.Text.Contains("何" + n, StringComparison.Ordinal)) is not { } noun)
        {
            return false;
        }

        var stated = goals.Select(g => _knowledge.Records.StatedCounts
            .Where(c => c.Kind == StatedCountKind.Section && c.GoalNumber == g && (question.Cities.Count == 0 || question.Cities.Contains(c.City)))
            .SelectMany(c => c.Items.Where(i => i.What.StartsWith(noun, StringComparison.Ordinal)).Select(i => (Count: c, Item: i)))
            .ToList()).ToList();
        if (stated.Any(s => s.Count != 1) || stated.Select(s => s[0].Count.City).Distinct().Count() != 1)
        {
            return false;
        }

        var operands = stated.Select(s => (Label: $"{s[0].Item.What}（基本目標{s[0].Count.GoalNumber}）",
            Money: new Money(s[0].Item.Number, decimal.TryParse(s[0].Item.Number, out decimal n) ? n : null, noun), s[0].Count.Source)).ToList();
        if (operands.Any(o => o.Money.Amount is null))
        {
            return false;
        }

        Render(operands, stated[0][0].Count.City, $"{noun}数（{string.Join("、", goals.Select(g => $"基本目標{g}"))}）", builder);
        return true;
    }
}
