using System.Text;
using System.Text.RegularExpressions;
using StrategyAssistant.Documents;
using StrategyAssistant.Records;

namespace StrategyAssistant.Answering;

/// <summary>A comparison or difference between two indicators the question sets side by side (転入と転出, 男性と女性,
/// 転入率と転出率): each side is the found indicator of the city that its word accounts for most of, the value compared is
/// the one asked (a year's, the baseline, the target, else the actual), and the larger is shown with the difference.</summary>
internal sealed partial class DerivedFigures
{
    public bool TryCompareTwo(Question question, Evidence evidence, AnswerBuilder builder)
    {
        string text = question.Text.Normalize(NormalizationForm.FormKC);
        if (SidesPattern().Match(text) is not { Success: true } m)
        {
            return false;
        }

        string a = m.Groups["a"].Value, b = m.Groups["b"].Value;
        if (question.Cities.Count != 1)
        {
            return false;
        }

        // The city's indicators (a side may name one the search ranks low: 転出 beside 転出超過数), by how much of the
        // name the side's word is, then by the search's coverage.
        var coverage = evidence.Kpis.GroupBy(k => k.Item).ToDictionary(g => g.Key, g => g.Max(k => k.Coverage));
        var candidates = _knowledge.KpisOf(question.Cities).Where(k => k.City == question.Cities[0] && Compared(k, question) is { Number: not null }).ToList();
        KpiRecord? Side(string word, string other) => candidates
            .Where(k => EnumeratedOperands.Plain(k.Indicator) is { } name && name.Contains(word, StringComparison.Ordinal) && !name.Contains(other, StringComparison.Ordinal))
            .OrderByDescending(k => (double)word.Length / EnumeratedOperands.Plain(k.Indicator).Length).ThenByDescending(k => coverage.GetValueOrDefault(k))
            .FirstOrDefault();
        if (Side(a, b) is not { } left || Side(b, a) is not { } right || ReferenceEquals(left, right)
            || Math.Max(coverage.GetValueOrDefault(left), coverage.GetValueOrDefault(right)) < _ranker.Options.OperandCoverage
            || Compared(left, question) is not { } x || Compared(right, question) is not { } y || Unit(x) != Unit(y))
        {
            return false;
        }

        (Citation sx, Citation sy) = Sources(x, y);
        int cx = builder.Cite(sx), cy = builder.Cite(sy);
        builder.Line($"{left.City}の比較:");
        builder.Line($"・{left.Indicator}: {x.Display} [{cx}]");
        builder.Line($"・{right.Indicator}: {y.Display} [{cy}]");
        bool leftLarger = x.Number >= y.Number;
        (KpiRecord big, KpiValue bigValue, int bigCite, KpiRecord small, KpiValue smallValue, int smallCite) = leftLarger ? (left, x, cx, right, y, cy) : (right, y, cy, left, x, cx);
        string comparison = $"{big.Indicator} {bigValue.Display} {(bigValue.Number == smallValue.Number ? "=" : ">")} {small.Indicator} {smallValue.Display}";
        builder.Line($"・{comparison}");
        builder.Derive(new Derivation(DerivationKind.Comparison, comparison, bigValue.ValueText,
            [new DerivationOperand(bigValue.ValueText, bigValue.Unit, bigCite, big.Indicator), new DerivationOperand(smallValue.ValueText, smallValue.Unit, smallCite, small.Indicator)]));
        string unit = bigValue.Unit ?? string.Empty;
        string result = Format(bigValue.Number!.Value - smallValue.Number!.Value, Scale(bigValue, smallValue)) + unit;
        string expression = $"{bigValue.ValueText}{Suffix(bigValue)} − {smallValue.ValueText}{Suffix(smallValue)} = {result}";
        builder.Line($"・差: {expression}");
        builder.Derive(new Derivation(DerivationKind.Difference, expression, result,
            [new DerivationOperand(bigValue.ValueText, bigValue.Unit, bigCite, big.Indicator), new DerivationOperand(smallValue.ValueText, smallValue.Unit, smallCite, small.Indicator)]));
        return true;
    }

    /// <summary>The city's figure beside those of the wide areas the question names (国や北海道と比べて), where the document
    /// states the same indicator for each (合計特殊出生率 (国), (北海道), (岩見沢市)): listed largest first, compared.</summary>
    public bool TryCompareAreas(Question question, Evidence evidence, AnswerBuilder builder)
    {
        var areas = new List<string>();
        string rest = question.Text.Normalize(NormalizationForm.FormKC);
        foreach (string area in QuestionVocabulary.Default.WideAreas.OrderByDescending(a => a.Length).Where(a => rest.Contains(a, StringComparison.Ordinal)))
        {
            areas.Add(area);
            rest = rest.Replace(area, " ", StringComparison.Ordinal);
        }

        if (areas.Count == 0 || question.Cities.Count != 1 || _ranker.Best(evidence.Kpis, k => Compared(k, question) is { Number: not null }).FirstOrDefault() is not { } best)
        {
            return false;
        }

        string city = question.Cities[0];
        string stem = city.TrimEnd('市', '町', '村');
        string key = Qualifier().Replace(EnumeratedOperands.Plain(best.Indicator), string.Empty);
        var kpis = _knowledge.KpisOf([city]).Where(k => k.City == city && Compared(k, question) is { Number: not null }
            && Qualifier().Replace(EnumeratedOperands.Plain(k.Indicator), string.Empty) == key).ToList();
        KpiRecord? Row(string who) => kpis.FirstOrDefault(k => Qualifier().Match(EnumeratedOperands.Plain(k.Indicator)) is { Success: true } q && q.Value.Contains(who, StringComparison.Ordinal));
        var rows = areas.Select(Row).Append(Row(stem)).ToList();
        if (rows.Any(r => r is null) || rows.Distinct().Count() != rows.Count || rows.Select(r => Unit(Compared(r!, question)!)).Distinct().Count() != 1)
        {
            return false;
        }

        var ordered = rows.Select(r => (Record: r!, Value: Compared(r!, question)!)).OrderByDescending(r => r.Value.Number).ToList();
        builder.Line($"{city}の比較（{Qualifier().Replace(best.Indicator.TrimEnd(), string.Empty).TrimEnd()}）:");
        var operands = new List<DerivationOperand>();
        foreach ((KpiRecord record, KpiValue value) in ordered)
        {
            int cited = builder.Cite(value.Source);
            operands.Add(new DerivationOperand(value.ValueText, value.Unit, cited, record.Indicator));
            builder.Line($"・{record.Indicator}: {value.Display} [{cited}]");
        }

        string comparison = string.Join(" > ", ordered.Select(r => $"{r.Record.Indicator} {r.Value.Display}"));
        builder.Line($"・{comparison}");
        builder.Derive(new Derivation(DerivationKind.Comparison, comparison, ordered[0].Value.ValueText, operands));
        return true;
    }

    /// <summary>A ranking of projects by budget (一番大きい / 最も少ない / 上位N) within the cities and goals the question names.</summary>
    public bool TryRanking(Question question, Evidence evidence, AnswerBuilder builder)
    {
        IReadOnlyList<int> goals = GoalNumbers(question.Text);
        var measure = NamedMeasure.Find(question, [.. _knowledge.ProjectsOf(question.Cities)]);
        var scope = _knowledge.ProjectsOf(question.Cities)
            .Where(p => p.Budget?.InYen is not null && !p.IsRepeat && (question.Cities.Count == 0 || question.Cities.Contains(p.City)) && (goals.Count == 0 || (p.Goal is { } g && goals.Contains(g.Number))))
            .Where(p => measure is not { } m || (p.City == m.City && p.Goal == m.Goal && p.Measure == m.Measure))
            .ToList();
        if (scope.Count < 2 || scope.Select(p => p.City).Distinct().Count() > 1)
        {
            return false;
        }

        var ranked = (question.Ranking >= 0 ? scope.OrderByDescending(p => p.Budget!.InYen) : scope.OrderBy(p => p.Budget!.InYen)).Take(Math.Max(1, question.Top ?? 1)).ToList();
        string order = question.Ranking >= 0 ? "大きい" : "小さい";
        string within = measure is { } named ? $"施策「{named.Measure}」の事業" : goals.Count == 0 ? "関連事業" : string.Join("・", goals.Select(g => $"基本目標{g}")) + "の事業";
        builder.Line($"{scope[0].City}の{within}（再掲を除く）のうち、予算事業費が{order}順:");
        var operands = new List<DerivationOperand>();
        foreach (ProjectRecord project in ranked)
        {
            string marker = builder.Figure(project.Budget!.Text, project.Budget.Unit, null, project.Source, $"{project.Name} 予算");
            operands.Add(new DerivationOperand(project.Budget.Text, project.Budget.Unit, builder.Cite(project.Source), project.Name));
            builder.Line($"・{project.Name}{(project.Department is { Length: > 0 } d ? $"（{d}）" : string.Empty)} {project.Budget} {marker}");
        }

        string expression = $"{(question.Ranking >= 0 ? "最大" : "最小")}: {ranked[0].Name} {ranked[0].Budget}";
        builder.Line(expression);
        builder.Derive(new Derivation(DerivationKind.Ranking, expression, ranked[0].Budget!.ToString(), operands));
        return true;
    }

    /// <summary>The value of an indicator a comparison is about: the year asked, else the value word asked, else the actual.</summary>
    private static KpiValue? Compared(KpiRecord record, Question question) =>
        question.Years.Count == 1 ? At(record, question.Years[0])?.Item2
        : question.Years.Count > 1 ? null
        : question.Asks(Answering.AskedValue.Baseline) ? record.Baseline
        : question.Asks(Answering.AskedValue.Target) ? record.Target
        : record.Actual;

    /// <summary>The bracketed qualifier of an indicator's name: (国), (北海道), (男性).</summary>
    [GeneratedRegex(@"\([^()]+\)$")]
    private static partial Regex Qualifier();

    /// <summary>Two words set side by side: 転入と転出, 男性と女性 (kanji or katakana, two characters or more each).</summary>
    [GeneratedRegex(@"(?<![\p{IsCJKUnifiedIdeographs}ァ-ヶー])(?<a>[\p{IsCJKUnifiedIdeographs}ァ-ヶー]{2,8})と(?<b>[\p{IsCJKUnifiedIdeographs}ァ-ヶー]{2,8})")]
    private static partial Regex SidesPattern();
}
