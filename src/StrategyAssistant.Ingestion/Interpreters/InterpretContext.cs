using StrategyAssistant.Documents;
using StrategyAssistant.Ingestion.Layout;
using StrategyAssistant.Ingestion.Vocabulary;
using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion.Interpreters;

/// <summary>What an interpreter reads with: the document, the vocabulary, the heading path at the current line, and the
/// records read so far.</summary>
public sealed class InterpretContext
{
    public InterpretContext(LayoutDocument document, StrategyVocabulary vocabulary)
    {
        Document = document;
        Vocabulary = vocabulary;
        Headings = new HeadingTracker(vocabulary);
        _legend = new Lazy<StatusLegend>(() => StatusLegend.Read(document, vocabulary));
    }

    private readonly Lazy<StatusLegend> _legend;

    /// <summary>The document's own legend of status symbols (read once, when a record first asks).</summary>
    public StatusLegend Legend => _legend.Value;

    public LayoutDocument Document { get; }

    public StrategyVocabulary Vocabulary { get; }

    public HeadingTracker Headings { get; }

    public List<KpiRecord> Kpis { get; } = [];

    public List<ProjectRecord> Projects { get; } = [];

    public List<DataQualityNote> Notes { get; } = [];

    public List<ListTotal> Totals { get; } = [];

    /// <summary>A record for an indicator with its values, placed under the current heading path.</summary>
    public KpiRecord Kpi(int line, int lineEnd, string indicator, KpiValue? baseline, KpiValue? target, KpiValue? actual, bool goalLevel) => new()
    {
        Id = $"{Document.Info.File}:{line}",
        City = Document.Info.City,
        Source = Document.Cite(line, lineEnd),
        Goal = Headings.Goal,
        Measure = goalLevel ? null : Headings.Measure,
        Project = goalLevel ? null : Headings.Project,
        Indicator = CellText.Indicator(indicator),
        IsGoalTarget = goalLevel,
        Unit = CellValue.UnitOf(target, baseline, actual) ?? CellText.UnitOfName(indicator, Vocabulary),
        Baseline = baseline,
        Target = target,
        Actual = actual,
    };

    public RecordSet ToRecordSet()
    {
        // Two records may start on one line (a line form and the table row under it): keep ids unique.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < Kpis.Count; i++)
        {
            string id = Kpis[i].Id;
            for (int n = 2; !seen.Add(id); n++)
            {
                id = $"{Kpis[i].Id}#{n}";
            }

            Kpis[i] = Kpis[i] with { Id = id };
        }

        return new RecordSet(Kpis, Projects, Notes) { Totals = Totals };
    }
}
