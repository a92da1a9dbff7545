using System.Text.RegularExpressions;
using StrategyAssistant.Documents;
using StrategyAssistant.Records;

namespace StrategyAssistant.Answering;

/// <summary>Differences within one indicator (two years, actual against target, baseline to target), with the lines of other
/// documents that state the same two figures, and the 再掲 share of a stated total.</summary>
internal sealed partial class DerivedFigures
{
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
        var totals = _knowledge.TotalsOf(question.Cities)
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

    [GeneratedRegex("何(?<u>[人件名回社校戸組台泊])")]
    private static partial Regex AskedUnit();
}
