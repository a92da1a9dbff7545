using System.Globalization;
using StrategyAssistant.Answering;
using StrategyAssistant.Records;

namespace StrategyAssistant.Bot.Replies;

/// <summary>What a table is about; the card and the web page give each its own column widths.</summary>
public enum AnswerTableKind
{
    Kpi,
    Project,
    Derivation,
    Other,
}

/// <summary>One table of an answer: a header row, body rows and an optional footer (a total). Cells are plain text without
/// [n] markers (Teams drops citation pills inside tables); <see cref="Citations"/> lists the numbers the rows are cited to.</summary>
public sealed record AnswerTable(AnswerTableKind Kind, string Title, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<string>? Footer, IReadOnlyList<int> Citations)
{
    /// <summary>Relative column widths that keep the name column readable on a phone.</summary>
    public IReadOnlyList<int> Widths => Kind switch
    {
        AnswerTableKind.Kpi => [3, 2, 2, 2],
        AnswerTableKind.Project => [3, 2, 2, 1],
        AnswerTableKind.Derivation => [3, 2, 1],
        _ => [3, 2],
    };
}

/// <summary>Shapes an answer's figures into the tables that fit it: indicators (指標 / 基準値 / 目標値 / 実績値 with years),
/// projects (事業名 / 部局 / 予算事業費 / 新規・継続 with the total), derivations (each operand and the result), and any
/// other figures. Project details come from the project record the budget figure is cited to.</summary>
public static class AnswerTables
{
    /// <summary>The label suffix the answer composer gives a project's budget figure.</summary>
    public const string BudgetLabel = "予算";

    public const string Dash = "—";

    public static IReadOnlyList<AnswerTable> Build(Answer answer, IReadOnlyList<ProjectRecord>? projects = null)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var tables = new List<AnswerTable>();
        var kpi = new List<Figure>();
        var budget = new List<Figure>();
        var other = new List<Figure>();
        foreach (Figure figure in answer.Figures)
        {
            (FigureKind kind, _) = FigureTable.Classify(figure.Label);
            if (kind != FigureKind.Other)
            {
                kpi.Add(figure);
            }
            else if (figure.Label?.TrimEnd().EndsWith(BudgetLabel, StringComparison.Ordinal) == true)
            {
                budget.Add(figure);
            }
            else
            {
                other.Add(figure);
            }
        }

        if (kpi.Count > 0)
        {
            tables.Add(KpiTable(kpi));
        }

        if (budget.Count > 0)
        {
            tables.Add(ProjectTable(answer, budget, projects));
        }

        tables.AddRange(answer.Derivations.Select(DerivationTable));
        if (other.Count > 0)
        {
            tables.Add(new AnswerTable(AnswerTableKind.Other, "その他の数値", ["項目", "値"],
                [.. other.Select(f => (IReadOnlyList<string>)[f.Label?.Trim() is { Length: > 0 } l ? l : "（項目）", ValueWithYear(f)])], null, Numbers(other.Select(f => f.Citation))));
        }

        return tables;
    }

    /// <summary>"40人（R6）": the value with its unit once, and its year as the document writes it.</summary>
    public static string ValueWithYear(Figure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        string text = FigureTable.WithUnit(figure);
        return string.IsNullOrWhiteSpace(figure.Year) ? text : $"{text}（{figure.Year}）";
    }

    private static AnswerTable KpiTable(IReadOnlyList<Figure> figures)
    {
        var order = new List<string>();
        var cells = new Dictionary<string, List<string>[]>(StringComparer.Ordinal);
        foreach (Figure figure in figures)
        {
            (FigureKind kind, string indicator) = FigureTable.Classify(figure.Label);
            string key = indicator.Length > 0 ? indicator : "（指標）";
            if (!cells.TryGetValue(key, out List<string>[]? row))
            {
                row = [[], [], []];
                cells[key] = row;
                order.Add(key);
            }

            string cell = ValueWithYear(figure);
            if (!row[(int)kind].Contains(cell))
            {
                row[(int)kind].Add(cell);
            }
        }

        return new AnswerTable(AnswerTableKind.Kpi, "指標", ["指標", "基準値", "目標値", "実績値"],
            [.. order.Select(k => (IReadOnlyList<string>)[k, .. cells[k].Select(Cell)])], null, Numbers(figures.Select(f => f.Citation)));
    }

    private static AnswerTable ProjectTable(Answer answer, IReadOnlyList<Figure> figures, IReadOnlyList<ProjectRecord>? projects)
    {
        var rows = new List<IReadOnlyList<string>>();
        var amounts = new List<(decimal Amount, string Unit)>();
        bool summable = true;
        foreach (Figure figure in figures)
        {
            string label = figure.Label?.TrimEnd() ?? string.Empty;
            string name = label[..Math.Max(0, label.LastIndexOf(BudgetLabel, StringComparison.Ordinal))].Trim();
            ProjectRecord? project = Find(answer, figure, name, projects);
            rows.Add([name.Length > 0 ? name : "（事業）", project?.Department ?? Dash, ValueWithYear(figure), project?.Status ?? Dash]);
            if (TryAmount(figure, out decimal amount) && !string.IsNullOrEmpty(figure.Unit))
            {
                amounts.Add((amount, figure.Unit));
            }
            else
            {
                summable = false;
            }
        }

        IReadOnlyList<string>? footer = null;
        Derivation? stated = answer.Derivations.FirstOrDefault(d => d.Kind == DerivationKind.Sum);
        if (stated is not null)
        {
            footer = ["合計", string.Empty, stated.Result, string.Empty];
        }
        else if (rows.Count > 1 && summable && amounts.Select(a => a.Unit).Distinct(StringComparer.Ordinal).Count() == 1)
        {
            decimal total = amounts.Sum(a => a.Amount);
            footer = [$"合計（{rows.Count}事業の和）", string.Empty, total.ToString("#,0.##", CultureInfo.InvariantCulture) + amounts[0].Unit, string.Empty];
        }

        return new AnswerTable(AnswerTableKind.Project, "事業", ["事業名", "部局", "予算事業費", "新規・継続"], rows, footer, Numbers(figures.Select(f => f.Citation)));
    }

    private static AnswerTable DerivationTable(Derivation derivation)
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (DerivationOperand operand in derivation.Operands)
        {
            string value = string.IsNullOrEmpty(operand.Unit) || operand.Value.EndsWith(operand.Unit, StringComparison.Ordinal) ? operand.Value : operand.Value + operand.Unit;
            rows.Add([operand.Label ?? "（数値）", value, $"出典{operand.Citation}"]);
        }

        string title = derivation.Kind switch
        {
            DerivationKind.Sum => "合計の計算",
            DerivationKind.Difference => "差の計算",
            DerivationKind.Count => "件数",
            DerivationKind.Ratio => "比率の計算",
            DerivationKind.Comparison => "比較",
            DerivationKind.Ranking => "順位",
            _ => "計算",
        };
        return new AnswerTable(AnswerTableKind.Derivation, $"{title}: {derivation.Expression}", ["項目", "値", "出典"], rows, ["結果", derivation.Result, string.Empty], Numbers(derivation.Operands.Select(o => o.Citation)));
    }

    private static ProjectRecord? Find(Answer answer, Figure figure, string name, IReadOnlyList<ProjectRecord>? projects)
    {
        if (projects is null || figure.Citation < 1 || figure.Citation > answer.Citations.Count)
        {
            return null;
        }

        StrategyAssistant.Documents.Citation cited = answer.Citations[figure.Citation - 1];
        return projects.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal) && string.Equals(p.Source.File, cited.File, StringComparison.Ordinal)
            && p.Source.Line <= cited.LineEnd && p.Source.LineEnd >= cited.Line);
    }

    private static bool TryAmount(Figure figure, out decimal amount)
    {
        string text = figure.Value.Replace(",", string.Empty, StringComparison.Ordinal);
        if (!string.IsNullOrEmpty(figure.Unit) && text.EndsWith(figure.Unit, StringComparison.Ordinal))
        {
            text = text[..^figure.Unit.Length];
        }

        return decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out amount);
    }

    private static string Cell(List<string> values) => values.Count > 0 ? string.Join("\n", values) : Dash;

    private static int[] Numbers(IEnumerable<int> citations) => [.. citations.Where(c => c > 0).Distinct().Order()];
}
