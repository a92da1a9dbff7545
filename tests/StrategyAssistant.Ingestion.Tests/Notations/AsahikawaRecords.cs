using StrategyAssistant.Documents;
using StrategyAssistant.Ingestion;
using StrategyAssistant.Ingestion.Interpreters;
using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion.Tests.Notations;

/// <summary>The 旭川市 documents' records, read once per test run.</summary>
internal static class AsahikawaRecords
{
    private static readonly Lazy<RecordSet> s_sheet = new(() => new AssessmentSheetInterpreter().Extract(Sheet));
    private static readonly Lazy<RecordSet> s_strategy = new(() => new KpiArrowBlockInterpreter().Extract(Strategy));
    private static readonly Lazy<RecordSet> s_projects = new(() => new BudgetListInterpreter().Extract(Strategy));
    private static readonly Lazy<RecordSet> s_all = new(() => CorpusKnowledge.ReadRecords(TestCorpus.Corpus.Documents));

    public static SourceDocument Sheet => TestCorpus.Document("000");

    public static SourceDocument Strategy => TestCorpus.Document("001");

    public static RecordSet SheetRecords => s_sheet.Value;

    public static RecordSet StrategyRecords => s_strategy.Value;

    public static RecordSet ProjectRecords => s_projects.Value;

    /// <summary>Everything the default reader produces (extractors and linkers) on the whole corpus.</summary>
    public static RecordSet All => s_all.Value;

    public static KpiRecord Kpi(RecordSet set, string indicatorStart) =>
        set.Kpis.Single(k => k.Indicator.StartsWith(indicatorStart, StringComparison.Ordinal));

    public static ProjectRecord Project(string name, bool repeat = false) =>
        ProjectRecords.Projects.Single(p => p.Name == name && p.IsRepeat == repeat);
}
