using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using StrategyAssistant.Documents;
using StrategyAssistant.Records;

namespace StrategyAssistant.Answering;

/// <summary>Sums: a filtered group of projects (a measure's, a department's, the (新) ones, 再掲 left out when asked), the
/// stated totals of the goals asked, one record's amounts or one indicator's values for the years it names (R2・R3・R4 の3年分,
/// 出生 2020年と2021年), the counts goals' sections state (基本目標1と2の事業数を合わせると), and records enumerated by name.</summary>
internal sealed partial class DerivedFigures
{
    /// <summary>The budgets of a group of projects the question narrows: the named measure's projects and / or those the
    /// filters keep (a department, (新), a status), within the city and goals asked; 再掲 rows left out when asked. A city not
    /// named is the one city whose lists have the department named. When the question states how many projects (3事業), the
    /// group must have that many.</summary>
    private bool TrySumOfGroup(Question question, bool excludingRepeats, AnswerBuilder builder)
    {
        string text = question.Text.Normalize(NormalizationForm.FormKC);
        var withBudget = _knowledge.ProjectsOf(question.Cities).Where(p => p.Budget?.Amount is not null).ToList();
        var measure = NamedMeasure.Find(question, withBudget);
        IReadOnlyList<string> cities = measure is { } m ? [m.City] : question.Cities;
        if (cities.Count == 0 && ScopedGroup.Department(text, withBudget.Select(p => p.Department)) is { } department)
        {
            cities = [.. withBudget.Where(p => p.Department == department).Select(p => p.City).Distinct()];
        }

        if (cities.Count != 1)
        {
            return false;
        }

        IReadOnlyList<int> goals = GoalNumbers(text);
        var scope = withBudget
            .Where(p => p.City == cities[0] && (measure is { } n ? p.Goal == n.Goal && p.Measure == n.Measure : goals.Count == 0 || (p.Goal is { } g && goals.Contains(g.Number))))
            .Select(p => new ScopedLine(p.City, p.Name, p.Source, p.Goal, p.Measure, p.Department, p.Status, null, p.IsRepeat) { Project = p })
            .ToList();
        string title = measure is { } t ? t.Measure.Title.Normalize(NormalizationForm.FormKC) : string.Empty;
        if (scope.Count == 0 || ScopedGroup.Filters(question, scope, title, "事業") is not { } filters || (measure is null && filters.Count == 0))
        {
            return false;
        }

        var members = scope.Where(l => filters.All(f => f.Keep(l)) && !(excludingRepeats && l.IsRepeat)).Select(l => l.Project!).ToList();
        if (members.Count == 0 || members.Select(p => p.Budget!.Unit).Distinct().Count() != 1
            || (StatedProjects().Match(text) is { Success: true } stated && int.Parse(stated.Groups["n"].Value, CultureInfo.InvariantCulture) != members.Count))
        {
            return false;
        }

        string where = measure is { } w ? $"施策「{w.Measure}」の" : goals.Count > 0 ? string.Join("・", goals.Select(g => $"基本目標{g}")) + "の" : string.Empty;
        string narrowed = string.Concat(filters.Select(f => f.Label + "の")) + (excludingRepeats ? "再掲を除く" : string.Empty);
        // The number of projects summed is a count of its own, derived from the cited rows.
        string count = $"該当する事業の数 {members.Count}事業";
        Render([.. members.Select(p => (p.Name, p.Budget!, p.Source))], cities[0], $"{where}{narrowed}関連事業（{count}）の予算事業費", builder);
        builder.Derive(new Derivation(DerivationKind.Count, count, $"{members.Count}事業",
            [.. members.Select(p => new DerivationOperand(p.Name, null, builder.Cite(p.Source), p.Name))]));
        return true;
    }

    /// <summary>A number of projects the question states (いじめ関係の3事業).</summary>
    [GeneratedRegex(@"(?<![0-9])(?<n>[0-9]{1,2})(?:つの)?事業")]
    private static partial Regex StatedProjects();

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

    /// <summary>The values one indicator states for each year the question names (出生 2020年・2021年), summed: the city's
    /// indicator whose name, without its bracketed qualifier, the question holds (the longest such name), with a value for
    /// every year asked in one unit. A rate or share (率, 割合, %) does not add up and is never summed.</summary>
    private bool TrySumOverIndicatorYears(Question question, AnswerBuilder builder)
    {
        if (question.Years.Count < 2 || question.Cities.Count != 1)
        {
            return false;
        }

        string text = EnumeratedOperands.Plain(question.Text);
        var candidates = _knowledge.KpisOf(question.Cities).Where(k => k.City == question.Cities[0])
            .Select(k => (Record: k, Name: Qualifier().Replace(EnumeratedOperands.Plain(k.Indicator), string.Empty),
                Values: question.Years.Select(y => ActualAt(k, y)?.Item2 ?? At(k, y)?.Item2).ToList()))
            .Where(c => c.Name.Length >= 2 && text.Contains(c.Name, StringComparison.Ordinal))
            .OrderByDescending(c => c.Name.Length)
            .ToList();
        // The longest name the question holds is the one asked (自然増減率, not 自然増減): when that cannot be summed, nothing is.
        if (candidates.Count == 0 || (candidates.Count > 1 && candidates[1].Name.Length == candidates[0].Name.Length)
            || RateWords().IsMatch(candidates[0].Name) || candidates[0].Values.Any(v => v?.Number is null)
            || candidates[0].Values.Select(v => Unit(v!)).Distinct().Count() != 1 || Unit(candidates[0].Values[0]!) == "%")
        {
            return false;
        }

        (KpiRecord record, _, List<KpiValue?> values) = candidates[0];
        // Values written bare in a table (出生 372) take the unit the question asks in (何人).
        string unit = values[0]!.Unit is { Length: > 0 } own ? own : AskedUnit().Match(question.Text) is { Success: true } asked ? asked.Groups["u"].Value : string.Empty;
        Render([.. question.Years.Zip(values, (y, v) => (Label: $"{y.Text}の{record.Indicator}", Money: new Money(v!.ValueText, v.Number, unit), v.Source))],
            record.City, $"「{record.Indicator}」の{string.Join("・", question.Years.Select(y => y.Text))}の値", builder);
        return true;
    }

    [GeneratedRegex("率|割合")]
    private static partial Regex RateWords();

    /// <summary>The counts the sections of the goals asked about state (小計(事業数:9、KPI数:8)), summed, for a question that
    /// counts what those lines count (事業数, 何事業, KPI数).</summary>
    private bool TrySumOfStatedCounts(Question question, IReadOnlyList<int> goals, AnswerBuilder builder)
    {
        if (goals.Count < 2 || QuestionVocabulary.Default.CountNouns.FirstOrDefault(n => question.Text.Contains(n + "数", StringComparison.Ordinal)
            || question.Text.Contains("何" + n, StringComparison.Ordinal)) is not { } noun)
        {
            return false;
        }

        var stated = goals.Select(g => _knowledge.StatedCountsOf(question.Cities)
            .Where(c => c.Kind == StatedCountKind.Section && c.GoalNumber == g && (question.Cities.Count == 0 || question.Cities.Contains(c.City)))
            .SelectMany(c => c.Items.Where(i => i.What.StartsWith(noun, StringComparison.Ordinal)).Select(i => (Count: c, Item: i)))
            .ToList()).ToList();
        if (stated.Any(s => s.Count != 1) || stated.Select(s => s[0].Count.City).Distinct().Count() != 1)
        {
            return false;
        }

        // Each goal is cited at its heading too: the section line (小計(事業数:7、KPI数:9)) does not name its goal.
        var operands = stated.Select(s => (Label: $"{s[0].Item.What}（基本目標{s[0].Count.GoalNumber}{(Heading(s[0].Count) is { } h ? " " + builder.Mark(h) : string.Empty)}）",
            Money: new Money(s[0].Item.Number, decimal.TryParse(s[0].Item.Number, out decimal n) ? n : null, noun), s[0].Count.Source)).ToList();
        if (operands.Any(o => o.Money.Amount is null))
        {
            return false;
        }

        string asked = GoalList().Match(question.Text.Normalize(NormalizationForm.FormKC)).Value;
        Render(operands, stated[0][0].Count.City, $"{noun}数（{asked}）", builder);
        return true;
    }

    /// <summary>The heading line of a stated count's goal: the nearest line above it that heads that 基本目標.</summary>
    private Citation? Heading(StatedCount count)
    {
        PassageLines lines = _knowledge.PassageLines(count.Source.File);
        for (int n = count.Source.Line; n >= 1; n--)
        {
            if (GoalHeadings.Parse(PassageSplitter.Clean(lines.Text(n))) is { } goal && goal.Number == count.GoalNumber)
            {
                return lines.Cite(n);
            }
        }

        return null;
    }

    /// <summary>A sum: the total the document states for the goals or the whole list asked about (summed across goals when
    /// several are asked), else the budgets of the projects the question names, else the asked values of the KPIs it names.</summary>
    public bool TrySum(Question question, Evidence evidence, AnswerBuilder builder)
    {
        bool excludingRepeats = question.Text.Contains("再掲", StringComparison.Ordinal) && ExcludingWords().IsMatch(question.Text);
        IReadOnlyList<int> goals = GoalNumbers(question.Text);
        var totals = _knowledge.TotalsOf(question.Cities).Where(t => question.Cities.Count == 0 || question.Cities.Contains(t.City)).ToList();
        if (TrySumOfGroup(question, excludingRepeats, builder))
        {
            return true;
        }

        if (TrySumOverYears(question, evidence, builder) || TrySumOverIndicatorYears(question, builder) || TrySumOfStatedCounts(question, goals, builder))
        {
            return true;
        }

        if (goals.Count > 0)
        {
            var stated = goals.Select(g => totals.Where(t => t.Goal?.Number == g && Amount(t, excludingRepeats) is not null)
                .OrderBy(t => t.Kind == "summary" ? 0 : 1).FirstOrDefault()).ToList();
            if (stated.Count > 0 && stated.All(t => t is not null))
            {
                var operands = stated.Select(t => (Label: $"{t!.Label}{(excludingRepeats ? "（再掲除く）" : string.Empty)}", Money: Amount(t, excludingRepeats)!, t.Source)).ToList();
                Render(operands, question.Cities.Count == 1 ? question.Cities[0] : stated[0]!.City, "予算事業費", builder);
                foreach (ListTotal? t in stated.Where(t => !t!.Agrees))
                {
                    builder.Note($"{t!.City}「{t.Label}」の記載額 {t.Budget} に対し、各事業の額の計は {Format(t.ListedBudget)}{t.Budget?.Unit} です（資料内の不一致）。");
                }

                return true;
            }
        }
        else if (question.WantsAll || question.Text.Contains("全体", StringComparison.Ordinal) || question.Text.Contains("総額", StringComparison.Ordinal))
        {
            if (totals.Where(t => t.Goal is null && Amount(t, excludingRepeats) is not null).OrderBy(t => t.Kind == "total" ? 0 : 1).FirstOrDefault() is { } total)
            {
                Money amount = Amount(total, excludingRepeats)!;
                string marker = builder.Figure(amount.Text, amount.Unit, null, total.Source, $"{total.Label} 予算事業費");
                builder.Line($"{total.City}の関連事業の予算事業費の{total.Label}は {amount} です（資料の記載） {marker}。");
                if (!total.Agrees && total.Budget?.Amount is decimal statedAmount && statedAmount != total.ListedBudget)
                {
                    builder.Note($"{total.City}「{total.Label}」の記載額 {total.Budget} に対し、各事業の額の計は {Format(total.ListedBudget)}{total.Budget.Unit} です（資料内の不一致）。");
                }

                return true;
            }
        }

        // Records the question enumerates by name (A・B・C, AとB), resolved item by item.
        bool InCities(string city) => question.Cities.Count == 0 || question.Cities.Contains(city);
        IReadOnlyList<ProjectRecord> listed = EnumeratedOperands.Find(question, [.. _knowledge.ProjectsOf(question.Cities)
            .Where(p => InCities(p.City) && p.Budget?.Amount is not null && !p.IsRepeat).Select(p => (p.Name, p))]);
        if (listed.Count >= 2 && listed.Select(p => p.Budget!.Unit).Distinct().Count() == 1 && listed.Select(p => p.City).Distinct().Count() == 1)
        {
            Render([.. listed.Select(p => (p.Name, p.Budget!, p.Source))], listed[0].City, "予算事業費", builder);
            return true;
        }

        IReadOnlyList<KpiRecord> indicators = EnumeratedOperands.Find(question, [.. _knowledge.KpisOf(question.Cities)
            .Where(k => InCities(k.City) && AskedValue(k, question)?.Number is not null).Select(k => (k.Indicator, k))]);
        if (indicators.Count >= 2 && indicators.Select(k => Unit(AskedValue(k, question)!)).Distinct().Count() == 1 && indicators.Select(k => k.City).Distinct().Count() == 1)
        {
            Render([.. indicators.Select(k => AskedValue(k, question)!).Zip(indicators, (v, k) => (Label: $"{k.Indicator} {ValueLabel(question)}", Money: new Money(v.ValueText, v.Number, v.Unit ?? string.Empty), v.Source))], indicators[0].City, ValueLabel(question), builder);
            return true;
        }

        var named = evidence.Projects.Where(p => p.NameMatch >= AnswerRanker.NamedOutright && p.Item.Budget?.Amount is not null)
            .Select(p => p.Item).DistinctBy(p => (p.City, p.Name)).ToList();
        if (named.Count >= 2 && named.Select(p => p.Budget!.Unit).Distinct().Count() == 1)
        {
            Render([.. named.Select(p => (p.Name, p.Budget!, p.Source))], named[0].City, "予算事業費", builder);
            return true;
        }

        var kpis = evidence.Kpis.Where(k => k.NameMatch >= AnswerRanker.NamedOutright).Select(k => k.Item)
            .Select(k => (Record: k, Value: AskedValue(k, question))).Where(x => x.Value?.Number is not null)
            .DistinctBy(x => (x.Record.City, x.Record.Indicator)).ToList();
        if (kpis.Count >= 2 && kpis.Select(x => x.Value!.Unit).Distinct().Count() == 1)
        {
            var operands = kpis.Select(x => (Label: x.Record.Indicator, Money: new Money(x.Value!.ValueText, x.Value.Number, x.Value.Unit ?? string.Empty), x.Value.Source)).ToList();
            Render(operands, kpis[0].Record.City, "値", builder);
            return true;
        }

        return false;
    }

    private void Render(IReadOnlyList<(string Label, Money Money, Citation Source)> operands, string city, string what, AnswerBuilder builder)
    {
        var cited = new List<DerivationOperand>();
        builder.Line($"{city}の{what}:");
        // Cells of one line quoted apart are cited by the whole line, so that its one citation holds every operand.
        var shared = operands.GroupBy(o => (o.Source.File, o.Source.Line, o.Source.LineEnd)).Where(g => g.Select(o => o.Source.Quote).Distinct().Count() > 1)
            .ToDictionary(g => g.Key, g => _knowledge.PassageLines(g.Key.File).Cite(g.Key.Line, g.Key.LineEnd));
        foreach ((string label, Money money, Citation own) in operands)
        {
            Citation source = shared.GetValueOrDefault((own.File, own.Line, own.LineEnd), own);
            string marker = builder.Figure(money.Text, money.Unit, null, source, label);
            cited.Add(new DerivationOperand(money.Text, money.Unit, builder.Cite(source), label));
            builder.Line($"・{label}: {money} {marker}");
        }

        string unit = operands[0].Money.Unit;
        decimal sum = operands.Sum(o => o.Money.Amount!.Value);
        string result = Format(sum, operands.Max(o => Scale(o.Money.Text))) + unit;
        string expression = string.Join(" + ", operands.Select(o => o.Money.ToString())) + " = " + result;
        builder.Line($"合計: {expression}");
        builder.Derive(new Derivation(DerivationKind.Sum, expression, result, cited));
    }

    private static string ValueLabel(Question question) =>
        question.Asks(Answering.AskedValue.Actual) ? "実績値" : question.Asks(Answering.AskedValue.Target) ? "目標値" : "基準値";

    private static Money? Amount(ListTotal total, bool excludingRepeats) => excludingRepeats ? total.BudgetExcludingRepeats : total.Budget;

    private static KpiValue? AskedValue(KpiRecord record, Question question) =>
        question.Asks(Answering.AskedValue.Actual) ? record.Actual : question.Asks(Answering.AskedValue.Target) ? record.Target : record.Baseline ?? record.Target;

    [GeneratedRegex("除|含まな|抜き|除外")]
    private static partial Regex ExcludingWords();
}
