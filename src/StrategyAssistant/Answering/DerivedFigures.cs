using System.Globalization;
using System.Text.RegularExpressions;
using StrategyAssistant.Documents;
using StrategyAssistant.Records;

namespace StrategyAssistant.Answering;

/// <summary>Answer parts that compute a figure from cited figures, in <see cref="decimal"/>: sums, differences, rankings
/// and comparisons. Each shows its derivation with its operands cited and is recorded in <see cref="Answer.Derivations"/>;
/// where the document states the total itself, that line is cited first and a disagreement is a data-quality note.</summary>
internal sealed partial class DerivedFigures
{
    private readonly KnowledgeBase _knowledge;
    private readonly AnswerRanker _ranker;
    private readonly YearInProse _prose;

    public DerivedFigures(KnowledgeBase knowledge, AnswerRanker ranker)
    {
        _knowledge = knowledge;
        _ranker = ranker;
        _prose = new YearInProse(knowledge);
    }

    /// <summary>An asked year's value that the best indicator's row states only in its remark, quoted with its line.</summary>
    public AnswerBuilder? StatedInProse(Question question, Evidence evidence)
    {
        if (_ranker.Best(evidence.Kpis, _ => true).FirstOrDefault() is not { } record || _prose.Sentence(record, question.Years) is not { } sentence)
        {
            return null;
        }

        var builder = new AnswerBuilder();
        string marker = builder.Mark(sentence);
        builder.Line($"{record.City}「{record.Indicator}」");
        builder.Line($"・{string.Join("・", question.Years.Select(y => y.Text))}の値は表の実績欄になく、所見に記載されています: 「{sentence.Quote}」 {marker}");
        return builder;
    }

    /// <summary>The basic goals a question names: 基本目標2, 基本目標2と3, 基本目標1～4.</summary>
    internal static IReadOnlyList<int> GoalNumbers(string text)
    {
        var goals = new List<int>();
        foreach (Match m in GoalList().Matches(text))
        {
            int first = int.Parse(m.Groups["a"].Value, CultureInfo.InvariantCulture);
            goals.Add(first);
            foreach (Capture more in m.Groups["b"].Captures)
            {
                int next = int.Parse(more.Value, CultureInfo.InvariantCulture);
                if (m.Value.Contains('～') || m.Value.Contains('~') || m.Value.Contains('〜'))
                {
                    goals.AddRange(Enumerable.Range(first + 1, Math.Max(0, next - first)));
                }
                else
                {
                    goals.Add(next);
                }
            }
        }

        return [.. goals.Distinct()];
    }

    /// <summary>A sum: the total the document states for the goals or the whole list asked about (summed across goals when
    /// several are asked), else the budgets of the projects the question names, else the asked values of the KPIs it names.</summary>
    public bool TrySum(Question question, Evidence evidence, AnswerBuilder builder)
    {
        bool excludingRepeats = question.Text.Contains("再掲", StringComparison.Ordinal) && ExcludingWords().IsMatch(question.Text);
        IReadOnlyList<int> goals = GoalNumbers(question.Text);
        var totals = _knowledge.Records.Totals.Where(t => question.Cities.Count == 0 || question.Cities.Contains(t.City)).ToList();
        if (TrySumOfGroup(question, excludingRepeats, builder))
        {
            return true;
        }

        if (TrySumOverYears(question, evidence, builder) || TrySumOfStatedCounts(question, goals, builder))
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
        IReadOnlyList<ProjectRecord> listed = EnumeratedOperands.Find(question, [.. _knowledge.Records.Projects
            .Where(p => InCities(p.City) && p.Budget?.Amount is not null && !p.IsRepeat).Select(p => (p.Name, p))]);
        if (listed.Count >= 2 && listed.Select(p => p.Budget!.Unit).Distinct().Count() == 1 && listed.Select(p => p.City).Distinct().Count() == 1)
        {
            Render([.. listed.Select(p => (p.Name, p.Budget!, p.Source))], listed[0].City, "予算事業費", builder);
            return true;
        }

        IReadOnlyList<KpiRecord> indicators = EnumeratedOperands.Find(question, [.. _knowledge.Records.Kpis
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

    /// <summary>A difference within one indicator: between the two years asked about, between the actual and the target when the
    /// question is about the actual, else from the baseline to the target.</summary>
    public bool TryDifference(Question question, Evidence evidence, AnswerBuilder builder)
    {
        if (TryRepeatDifference(question, builder))
        {
            return true;
        }

        foreach (KpiRecord record in _ranker.Best(evidence.Kpis, k => Pair(k, question) is not null).Take(1))
        {
            ((string Label, KpiValue Value) from, (string Label, KpiValue Value) to) = Pair(record, question)!.Value;
            decimal difference = to.Value.Number!.Value - from.Value.Number!.Value;
            // Values written bare in a table (転出 3,395) take the unit the question asks in (何人減った).
            string unit = to.Value.Unit is { Length: > 0 } own ? own : from.Value.Unit is { Length: 0 } or null && AskedUnit().Match(question.Text) is { Success: true } asked ? asked.Groups["u"].Value : string.Empty;
            string result = Format(Math.Abs(difference), Scale(from.Value, to.Value)) + unit;
            string expression = $"{to.Value.ValueText}{Suffix(to.Value)} − {from.Value.ValueText}{Suffix(from.Value)} = {(difference < 0 ? "−" : string.Empty)}{result}";
            (Citation fromSource, Citation toSource) = Sources(from.Value, to.Value);
            int f = builder.Cite(fromSource);
            int t = builder.Cite(toSource);
            // The same indicator stated elsewhere with the same two figures (a goal's 数値目標 and a project's KPI) is cited too.
            string same = string.Concat(evidence.Kpis.Select(r => r.Item)
                .Where(k => !ReferenceEquals(k, record) && k.City == record.City && k.Indicator == record.Indicator
                    && Pair(k, question) is { } other && other.Item1.Item2.Number == from.Value.Number && other.Item2.Item2.Number == to.Value.Number)
                .Select(k => builder.Mark(k.Source)).Distinct());
            same += string.Concat(StatingBoth(evidence, record, from.Value, to.Value).Select(builder.Mark));
            builder.Line($"{record.City}「{record.Indicator}」 {builder.Mark(record.Source)}{same}");
            builder.Line($"・{from.Label}: {from.Value.Display} [{f}]");
            builder.Line($"・{to.Label}: {to.Value.Display} [{t}]");
            // A change the table states itself for the two years (2015年比 (2021) ▲33.0%) is shown beside the computed one.
            if (question.Years.Count >= 2 && from.Value.Source.Line == to.Value.Source.Line && _prose.StatedChange(to.Value.Source, question.Years[0], question.Years[^1]) is { } change)
            {
                builder.Line($"・資料に記載の{change.Header}: {change.Cell} {builder.Mark(change.Row)}{builder.Mark(change.HeaderLine)}");
            }

            bool shortfall = from.Label.Contains("実績", StringComparison.Ordinal) && to.Label.Contains("目標", StringComparison.Ordinal);
            string direction = shortfall ? (difference >= 0 ? "目標に対する不足" : "目標を上回った分") : difference >= 0 ? "増" : "減";
            builder.Line($"・差: {expression}（{direction}）");
            builder.Derive(new Derivation(DerivationKind.Difference, expression, result,
                [new DerivationOperand(from.Value.ValueText, from.Value.Unit, f, $"{record.Indicator} {from.Label}"), new DerivationOperand(to.Value.ValueText, to.Value.Unit, t, $"{record.Indicator} {to.Label}")]));
            return true;
        }

        return false;
    }

    /// <summary>Lines of other documents of the record's city, among the passages found, that state both figures (the strategy's
    /// ○指標：331件（R6年度）←313件（H30年度） beside the evaluation sheet's row): the same figures, cited too.</summary>
    private IEnumerable<Citation> StatingBoth(Evidence evidence, KpiRecord record, KpiValue a, KpiValue b)
    {
        Regex first = Standalone(a.ValueText), second = Standalone(b.ValueText);
        return evidence.Passages
            .Where(p => p.Item.File != record.Source.File && _knowledge.Corpus.Find(p.Item.File)?.City == record.City)
            .SelectMany(p => p.Item.NumberedLines().Select(l => (p.Item.File, l.Line, l.Text)))
            .Where(l => first.IsMatch(l.Text) && second.IsMatch(l.Text))
            .DistinctBy(l => (l.File, l.Line))
            .Take(1)
            .Select(l => _knowledge.PassageLines(l.File).Cite(l.Line, l.Line));
    }

    private static Regex Standalone(string number) => new($"(?<![0-9,.]){Regex.Escape(number.Normalize(System.Text.NormalizationForm.FormKC).Trim())}(?![0-9,.])");

    /// <summary>The citations of two values; two cells of one line are cited by the whole line, so that one quote holds both.</summary>
    private (Citation, Citation) Sources(KpiValue a, KpiValue b)
    {
        Citation x = a.Source, y = b.Source;
        if (x.File == y.File && x.Line == y.Line && x.LineEnd == y.LineEnd && !(x.Quote.Contains(b.ValueText, StringComparison.Ordinal) && y.Quote.Contains(a.ValueText, StringComparison.Ordinal)))
        {
            Citation line = _knowledge.PassageLines(x.File).Cite(x.Line, x.LineEnd);
            return (line, line);
        }

        return (x, y);
    }

    /// <summary>The 再掲 share of a stated total: the amount with 再掲 less the amount without, both from the line that states
    /// the total (基本目標4 … 8,447,935 7,969,101), for the goals the question names or the whole list.</summary>
    private bool TryRepeatDifference(Question question, AnswerBuilder builder)
    {
        if (!question.Text.Contains("再掲", StringComparison.Ordinal))
        {
            return false;
        }

        IReadOnlyList<int> goals = GoalNumbers(question.Text);
        var totals = _knowledge.Records.Totals
            .Where(t => (question.Cities.Count == 0 || question.Cities.Contains(t.City)) && t.Budget?.Amount is not null && t.BudgetExcludingRepeats?.Amount is not null
                && string.Equals(t.Budget.Unit, t.BudgetExcludingRepeats.Unit, StringComparison.Ordinal))
            .ToList();
        var chosen = goals.Count > 0
            ? goals.Select(g => totals.Where(t => t.Goal?.Number == g).OrderBy(t => t.Kind == "summary" ? 0 : 1).FirstOrDefault()).ToList()
            : [totals.Where(t => t.Goal is null).OrderBy(t => t.Kind == "summary-total" ? 0 : 1).FirstOrDefault()];
        if (chosen.Count == 0 || chosen.Any(t => t is null) || chosen.Select(t => t!.City).Distinct().Count() > 1)
        {
            return false;
        }

        foreach (ListTotal total in chosen.OfType<ListTotal>())
        {
            Money with = total.Budget!, without = total.BudgetExcludingRepeats!;
            int cited = builder.Cite(total.Source);
            decimal difference = with.Amount!.Value - without.Amount!.Value;
            string result = Format(difference, Math.Max(Scale(with.Text), Scale(without.Text))) + with.Unit;
            string expression = $"{with} − {without} = {result}";
            builder.Line($"{total.City}「{total.Label}」の予算事業費 [{cited}]");
            builder.Line($"・再掲を含む額: {with} [{cited}]");
            builder.Line($"・再掲を除く額: {without} [{cited}]");
            builder.Line($"・差（再掲分）: {expression}");
            builder.Derive(new Derivation(DerivationKind.Difference, expression, result,
                [new DerivationOperand(with.Text, with.Unit, cited, $"{total.Label} 事業費"), new DerivationOperand(without.Text, without.Unit, cited, $"{total.Label} 事業費（再掲除く）")]));
        }

        return true;
    }

    /// <summary>A ranking of projects by budget (一番大きい / 最も少ない / 上位N) within the cities and goals the question names.</summary>
    public bool TryRanking(Question question, Evidence evidence, AnswerBuilder builder)
    {
        IReadOnlyList<int> goals = GoalNumbers(question.Text);
        var measure = NamedMeasure.Find(question, _knowledge.Records.Projects);
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

    /// <summary>The two values of a record a difference is between, earlier first; null when they are not both numbers of one unit.</summary>
    private static ((string, KpiValue), (string, KpiValue))? Pair(KpiRecord record, Question question)
    {
        (string, KpiValue)? from = null, to = null;
        if (question.Years.Count >= 2)
        {
            // Earlier year first, however the question orders them (R2はH30と比べて).
            FiscalPeriod first = question.Years.MinBy(y => y.Start)!, last = question.Years.MaxBy(y => y.Start)!;
            from = At(record, first);
            to = At(record, last);
        }
        else if (question.Years.Count == 1 && question.Asks(Answering.AskedValue.Baseline) && record.Baseline is { } baseline)
        {
            // From the baseline to the year asked (2020年度は基準値から), or to the target when the year is the baseline's own.
            from = ("基準値", baseline);
            to = At(record, question.Years[0]) is { } at && !ReferenceEquals(at.Item2, baseline) ? at : record.Target is null ? null : ("目標値", record.Target);
        }
        else if (question.Years.Count == 1 && (question.Asks(Answering.AskedValue.Actual) || !question.Asks(Answering.AskedValue.Baseline)) && ActualAt(record, question.Years[0]) is { } actual)
        {
            // The actual of the year asked, never another year's: against the final target for what remains (目標まであと),
            // against that year's own target, where the table states one, for that year's shortfall (目標に足りなかった).
            from = actual;
            bool remaining = QuestionVocabulary.Default.RemainingWords.Any(w => question.Text.Contains(w, StringComparison.Ordinal));
            to = (remaining ? null : TargetAt(record, question.Years[0])) ?? (record.Target is null ? null : ("目標値", record.Target));
        }
        else if (question.Years.Count == 1 && question.Asks(Answering.AskedValue.Actual))
        {
            from = null;
        }
        else if (question.Asks(Answering.AskedValue.Actual) && record.Actual is not null)
        {
            from = ("実績値", record.Actual);
            to = record.Target is null ? null : ("目標値", record.Target);
        }
        else if (record.Baseline is not null && record.Target is not null)
        {
            from = ("基準値", record.Baseline);
            to = ("目標値", record.Target);
        }

        return from is { } a && to is { } b && a.Item2.Number is not null && b.Item2.Number is not null
            && string.Equals(Unit(a.Item2), Unit(b.Item2), StringComparison.Ordinal) && !ReferenceEquals(a.Item2, b.Item2) ? (a, b) : null;
    }

    private static (string, KpiValue)? At(KpiRecord record, FiscalPeriod year)
    {
        foreach ((string label, KpiValue? value) in new[] { ("基準値", record.Baseline), ("実績値", record.Actual), ("目標値", record.Target) })
        {
            if (value?.Period is { } p && p.Contains(year.Start) && p.IsSingleYear)
            {
                return (label, value);
            }
        }

        YearlyValue? point = record.Series.FirstOrDefault(s => year.Contains(s.Year));
        return point?.Actual is { Number: not null } actual ? ($"{year.Text}の実績値", actual) : point?.Target is { Number: not null } target ? ($"{year.Text}の目標値", target) : null;
    }

    private static (string, KpiValue)? ActualAt(KpiRecord record, FiscalPeriod year)
    {
        if (record.Actual?.Period is { } p && p.Contains(year.Start) && p.IsSingleYear)
        {
            return ($"{year.Text}の実績値", record.Actual);
        }

        return record.Series.FirstOrDefault(s => year.Contains(s.Year))?.Actual is { Number: not null } actual ? ($"{year.Text}の実績値", actual) : null;
    }

    private static (string, KpiValue)? TargetAt(KpiRecord record, FiscalPeriod year) =>
        record.Series.FirstOrDefault(s => year.Contains(s.Year))?.Target is { Number: not null } target ? ($"{year.Text}の目標値", target) : null;

    /// <summary>The unit compared: a per-year rate (人/年) is its count's unit, as a table states one year's figure.</summary>
    private static string Unit(KpiValue value) => PerYear().Replace((value.Unit ?? string.Empty).Normalize(System.Text.NormalizationForm.FormKC), string.Empty);

    [GeneratedRegex(@"/年度?$")]
    private static partial Regex PerYear();

    private static string Suffix(KpiValue value) => value.Display[value.ValueText.Length..];

    private static int Scale(params KpiValue[] values) => values.Max(v => Scale(v.ValueText));

    private static int Scale(string text) => NumberPart().Match(text) is { Success: true } m && m.Value.Contains('.') ? m.Value.Length - m.Value.IndexOf('.') - 1 : 0;

    internal static string Format(decimal value, int scale = 0) =>
        value.ToString(scale == 0 ? "#,0" : "#,0." + new string('0', scale), CultureInfo.InvariantCulture);

    internal static Regex GoalListPattern => GoalList();

    [GeneratedRegex(@"基本目標\s?(?<a>[0-9])(?:\s?(?:と|・|、|,|及び|および|～|~|〜|から)\s?(?:基本目標)?\s?(?<b>[0-9]))*")]
    private static partial Regex GoalList();

    [GeneratedRegex("何(?<u>[人件名回社校戸組台泊])")]
    private static partial Regex AskedUnit();

    [GeneratedRegex("除|含まな|抜き|除外")]
    private static partial Regex ExcludingWords();

    [GeneratedRegex(@"[0-9][0-9,]*(?:\.[0-9]+)?")]
    private static partial Regex NumberPart();
}
