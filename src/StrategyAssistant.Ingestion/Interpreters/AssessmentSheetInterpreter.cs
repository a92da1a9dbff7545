using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using StrategyAssistant.Documents;

using StrategyAssistant.Ingestion.Layout;
using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion.Interpreters;

/// <summary>Reads a 施策評価 (measure evaluation) sheet: per 施策 row the measure (mark and title), its KPIs (indicator with the unit
/// of its trailing (%) / (人) / (PV)), 基準値 / 実績値 / 目標値 (on the header's line or the lines after it, some cells blank),
/// KPIの現状認識, 今後の考え方, 評価 (継続発展 / 継続 / 見直し), 評価の視点 and 担当部. Cells are recognised by what they hold, not
/// by their position, so rows shifted against their labels are read correctly; where the reader had to realign, a
/// <see cref="DataQualityNote"/> of kind <c>shifted-row</c> says so.</summary>
public sealed partial class AssessmentSheetInterpreter : INotationInterpreter
{
    public string Name => "evaluation-sheet";

    private static Vocabulary.NotationHeaders Words => Vocabulary.StrategyVocabulary.Default.Notations;

    public bool Claims(LayoutLines document)
    {
        bool header = false;
        bool values = false;
        foreach (string raw in document.Lines)
        {
            List<string> cells = CellText.NonEmptyCells(raw);
            header |= cells.Any(c => Words.Contains(Name, "assessment", c))
                && cells.Any(c => Words.Contains(Name, "department", c))
                && cells.Any(c => Words.Contains(Name, "indicator", c));
            values |= cells.Count >= 2 && cells.Any(c => Words.Contains(Name, "baseline", c)) && cells.Any(c => Words.Contains(Name, "actual", c));
        }

        return header && values;
    }

    public RecordSet Read(LayoutLines document)
    {
        var state = new AssessmentSheetState(document);
        for (int n = 1; n <= document.LineCount; n++)
        {
            state.Read(n);
        }

        state.FlushDetachedEvaluation();
        return state.Finish();
    }

    internal static SheetRole? HeaderRole(string cell)
    {
        string t = cell.Replace(" ", string.Empty, StringComparison.Ordinal);
        if (t.Length > 16)
        {
            return null;
        }

        if (t.EndsWith("基準値", StringComparison.Ordinal) || t == "基準")
        {
            return SheetRole.Baseline;
        }

        if (t.EndsWith("実績値", StringComparison.Ordinal) || t.EndsWith("実績", StringComparison.Ordinal))
        {
            return SheetRole.Actual;
        }

        return t.EndsWith("目標値", StringComparison.Ordinal) || t.EndsWith("目標", StringComparison.Ordinal) ? SheetRole.Target : null;
    }

    internal static bool IsIndicatorCell(string cell) =>
        cell.Length <= 100 && !cell.Contains('。', StringComparison.Ordinal) && CellText.SplitUnit(cell).Unit is not null;

    internal static bool IsValueCell(string cell) =>
        cell.Length <= 60 && !IsIndicatorCell(cell) && CellText.Evaluation(cell) is null && !CellText.LooksLikeDepartment(cell)
        && (ValueStart().IsMatch(cell) || (cell.Length <= 16 && !CellText.IsMark(cell)));


    [GeneratedRegex(@"^[0-9０-９△▲—－―\-‐]")]
    private static partial Regex ValueStart();
}
