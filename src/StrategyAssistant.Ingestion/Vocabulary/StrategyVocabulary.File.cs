using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion.Vocabulary;

/// <summary>The vocabulary file's shape, and the preference between columns of one role.</summary>
public sealed partial class StrategyVocabulary
{
    private readonly Dictionary<ColumnRole, List<string>> _preference;

    /// <summary>Which of several columns of one role a table's records take (当初予算 before 決算額 for the budget): the
    /// header whose role word comes first in the vocabulary's <c>columnPreference</c>; headers it does not list come
    /// after, in reading order. The index into <paramref name="headers"/>, or -1 when none has the role.</summary>
    public int Preferred(ColumnRole role, IReadOnlyList<(string Header, ColumnRole Role)> headers)
    {
        int best = -1;
        int bestRank = int.MaxValue;
        List<string> order = _preference.GetValueOrDefault(role) ?? [];
        for (int i = 0; i < headers.Count; i++)
        {
            if (headers[i].Role != role)
            {
                continue;
            }

            int rank = order.IndexOf(Core(headers[i].Header));
            rank = rank < 0 ? order.Count : rank;
            if (rank < bestRank)
            {
                best = i;
                bestRank = rank;
            }
        }

        return best;
    }

    private sealed class VocabularyFile
    {
        public string? Version { get; set; }

        public Dictionary<string, List<string>>? ColumnRoles { get; set; }

        public List<string>? GoalTargetMarkers { get; set; }

        public List<string>? KpiMarkers { get; set; }

        public List<string>? StatusWords { get; set; }

        public List<string>? EvaluationWords { get; set; }

        public List<string>? DepartmentSuffixes { get; set; }

        public List<string>? UnitWords { get; set; }

        public Dictionary<string, int>? EraWords { get; set; }

        public List<string>? FootnoteMarks { get; set; }

        public ArrowWords? Arrows { get; set; }

        public Dictionary<string, List<string>>? KindWords { get; set; }

        public List<string>? NoFigureWords { get; set; }

        public List<string>? RemarkWords { get; set; }

        public Dictionary<string, List<string>>? TotalWords { get; set; }

        public Dictionary<string, List<string>>? ColumnPreference { get; set; }

        public List<string>? PartOfPrefixes { get; set; }

        public List<string>? YearPrefixes { get; set; }

        public List<string>? FigurePrefixes { get; set; }

        public List<string>? SpanPrefixes { get; set; }

        public Dictionary<string, Dictionary<string, List<string>>>? NotationHeaders { get; set; }
    }

    private sealed class ArrowWords
    {
        public List<string>? Forward { get; set; }

        public List<string>? Backward { get; set; }
    }
}
