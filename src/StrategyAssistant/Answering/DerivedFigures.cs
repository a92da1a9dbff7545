using System.Globalization;
using System.Text.RegularExpressions;
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


    [GeneratedRegex(@"[0-9][0-9,]*(?:\.[0-9]+)?")]
    private static partial Regex NumberPart();
}
