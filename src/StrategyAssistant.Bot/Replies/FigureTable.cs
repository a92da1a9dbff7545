using StrategyAssistant.Answering;

namespace StrategyAssistant.Bot.Replies;

/// <summary>Which column of the figures table a figure belongs in.</summary>
public enum FigureKind
{
    Baseline,
    Target,
    Actual,
    Other,
}

/// <summary>One indicator's row: the cells hold "value unit（year）[n]" texts.</summary>
public sealed record FigureRow(string Indicator, IReadOnlyList<string> Baseline, IReadOnlyList<string> Target, IReadOnlyList<string> Actual, IReadOnlyList<string> Other);

/// <summary>Pivots an answer's figures into indicator rows with baseline / target / actual columns, keeping first-seen order.</summary>
public static class FigureTable
{
    private static readonly (string Word, FigureKind Kind)[] s_kindWords =
    [
        ("基準値", FigureKind.Baseline), ("現状値", FigureKind.Baseline), ("基準", FigureKind.Baseline), ("現状", FigureKind.Baseline),
        ("目標値", FigureKind.Target), ("目標", FigureKind.Target),
        ("実績値", FigureKind.Actual), ("実績", FigureKind.Actual),
    ];

    private static readonly char[] s_trim = [' ', '\u3000', '・', ':', '：', '/', '／', '-', '－', '(', ')', '（', '）', '［', '］', '[', ']', '、', ','];

    public static (FigureKind Kind, string Indicator) Classify(string? label)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            return (FigureKind.Other, string.Empty);
        }

        foreach ((string word, FigureKind kind) in s_kindWords)
        {
            int at = label.LastIndexOf(word, StringComparison.Ordinal);
            if (at >= 0)
            {
                string indicator = (label[..at] + " " + label[(at + word.Length)..]).Trim(s_trim).Trim();
                return (kind, indicator);
            }
        }

        return (FigureKind.Other, label.Trim());
    }

    /// <summary>"40人（令和7年度）[1]".</summary>
    public static string FormatCell(Figure figure, bool withKindLabel = false, string? kindLabel = null)
    {
        ArgumentNullException.ThrowIfNull(figure);
        string text = WithUnit(figure);
        if (!string.IsNullOrWhiteSpace(figure.Year))
        {
            text += $"（{figure.Year}）";
        }

        text += $" [{figure.Citation}]";
        return withKindLabel && !string.IsNullOrEmpty(kindLabel) ? $"{kindLabel}: {text}" : text;
    }

    /// <summary>The value with its unit, once: some values already carry it ("40人" with unit "人").</summary>
    public static string WithUnit(Figure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        return string.IsNullOrEmpty(figure.Unit) || figure.Value.EndsWith(figure.Unit, StringComparison.Ordinal) ? figure.Value : figure.Value + figure.Unit;
    }

    public static IReadOnlyList<FigureRow> Build(IReadOnlyList<Figure> figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var order = new List<string>();
        var cells = new Dictionary<string, List<string>[]>(StringComparer.Ordinal);
        foreach (Figure figure in figures)
        {
            (FigureKind kind, string indicator) = Classify(figure.Label);
            string key = indicator.Length > 0 ? indicator : "（指標）";
            if (!cells.TryGetValue(key, out List<string>[]? row))
            {
                row = [[], [], [], []];
                cells[key] = row;
                order.Add(key);
            }

            string cell = kind == FigureKind.Other
                ? FormatCell(figure, withKindLabel: figure.Label is { Length: > 0 } && !string.Equals(figure.Label.Trim(), key, StringComparison.Ordinal), figure.Label)
                : FormatCell(figure);
            if (!row[(int)kind].Contains(cell))
            {
                row[(int)kind].Add(cell);
            }
        }

        return [.. order.Select(k => new FigureRow(k, cells[k][0], cells[k][1], cells[k][2], cells[k][3]))];
    }
}
