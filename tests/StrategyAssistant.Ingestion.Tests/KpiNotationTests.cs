using StrategyAssistant.Documents;
using StrategyAssistant.Ingestion.Formats;
using StrategyAssistant.Ingestion.Tests.Synthetic;
using StrategyAssistant.Ingestion.Vocabulary;
using StrategyAssistant.Records;
using Xunit.Abstractions;

namespace StrategyAssistant.Ingestion.Tests;

/// <summary>Every fictional town's KPI table (<see cref="KpiNotationTowns"/>) yields every row with its figures, years, unit,
/// level, mark and its legend's meaning and achievement rate, blank cells blank, and the projects and notes it must; and
/// the same with CR line ends and a byte order mark.</summary>
public sealed class KpiNotationTests(ITestOutputHelper output)
{
    private static readonly CorpusIngestor s_ingestor = new(StrategyVocabulary.Default, new IngestionOptions());

    public static TheoryData<string> Towns => [.. KpiNotationTowns.All.Select(t => t.City)];

    [Theory]
    [MemberData(nameof(Towns))]
    public void Every_row_is_read_with_its_fields(string name)
    {
        KpiTown town = KpiNotationTowns.All.Single(t => t.City == name);
        RecordSet records = Read(town, town.Text);
        Assert.True(Misses(town, records) is [], string.Join("\n", Misses(town, records)));
    }

    [Theory]
    [MemberData(nameof(Towns))]
    public void CR_line_ends_and_a_byte_order_mark_read_the_same(string name)
    {
        KpiTown town = KpiNotationTowns.All.Single(t => t.City == name);
        RecordSet records = Read(town, "\uFEFF" + town.Text.Replace("\n", "\r", StringComparison.Ordinal));
        Assert.True(Misses(town, records) is [], string.Join("\n", Misses(town, records)));
    }

    /// <summary>Not a check: rows found and fields right over every town, for the report (run with a detailed logger).</summary>
    [Fact]
    public void Score()
    {
        int rows = 0, found = 0, fields = 0, right = 0;
        foreach (KpiTown town in KpiNotationTowns.All)
        {
            RecordSet records = Read(town, town.Text);
            foreach (TownKpi e in town.Expected)
            {
                rows++;
                KpiRecord? k = Find(records, e);
                found += k is null ? 0 : 1;
                foreach (bool ok in Fields(e, k))
                {
                    fields++;
                    right += ok ? 1 : 0;
                }
            }

            foreach (ExpectedProject p in town.Projects)
            {
                rows++;
                ProjectRecord? r = records.Projects.FirstOrDefault(x => x.Name == p.Name);
                found += r is null ? 0 : 1;
                fields += 2;
                right += (r?.Department == p.Department ? 1 : 0) + (r?.Budget?.Amount == p.Amount ? 1 : 0);
            }

            output.WriteLine($"{town.City}: {string.Join(" | ", Misses(town, records))}");
        }

        output.WriteLine($"rows found {found}/{rows}, fields right {right}/{fields}");
    }

    internal static RecordSet Read(KpiTown town, string text)
    {
        var info = new DocumentInfo(town.File, town.City, town.City + " KPI", "strategy", string.Empty, town.City);
        return s_ingestor.ReadRecords(new TextDocumentReader().Read(info, System.Text.Encoding.UTF8.GetBytes(text))).Records;
    }

    private static KpiRecord? Find(RecordSet records, TownKpi e) =>
        records.Kpis.FirstOrDefault(k => k.Indicator == e.Indicator && k.IsGoalTarget == e.Goal);

    private static IEnumerable<bool> Fields(TownKpi e, KpiRecord? k)
    {
        yield return e.Baseline == k?.Baseline?.Number && e.BaselineYear == k?.Baseline?.Period?.Start.Year;
        yield return e.Target == k?.Target?.Number && e.TargetYear == k?.Target?.Period?.End.Year;
        // A blank actual is right when it states no figure, whatever year its column gives.
        yield return e.Actual == k?.Actual?.Number && (e.Actual is null || e.ActualYear == k?.Actual?.Period?.Start.Year);
        yield return e.Unit == k?.Unit;
        if (e.Mark is not null)
        {
            yield return e.Mark == (k?.Evaluation ?? k?.Status) && e.MarkMeaning == k?.StatusMeaning?.Meaning;
        }

        if (e.Achievement is not null)
        {
            yield return e.Achievement == k?.Achievement?.Text;
        }
    }

    private static List<string> Misses(KpiTown town, RecordSet records)
    {
        List<string> misses = [];
        if (town.Expected.Count != records.Kpis.Count)
        {
            misses.Add($"{records.Kpis.Count} KPI records: {string.Join(", ", records.Kpis.Select(Describe))}");
        }

        foreach (TownKpi e in town.Expected)
        {
            KpiRecord? k = Find(records, e);
            if (k is null || Fields(e, k).Any(ok => !ok))
            {
                misses.Add($"want {e}; read {(k is null ? "nothing" : Describe(k))}");
            }
        }

        List<(string, string?, string?, decimal?, string)> projects = [.. records.Projects.Select(p => (p.Name, p.Department, p.Budget?.Text, p.Budget?.Amount, p.Budget?.Unit ?? string.Empty))];
        List<(string, string?, string?, decimal?, string)> wanted = [.. town.Projects.Select(p => (p.Name, p.Department, p.BudgetText, p.Amount, p.Unit))];
        if (!projects.SequenceEqual(wanted))
        {
            misses.Add($"projects: {string.Join(", ", projects)}");
        }

        foreach (string kind in town.Notes.Where(n => !records.Notes.Any(r => r.Kind == n)))
        {
            misses.Add($"no note {kind} (notes: {string.Join(", ", records.Notes.Select(n => n.Kind))})");
        }

        return misses;
    }

    private static string Describe(KpiRecord k) =>
        $"{k.Indicator}{(k.IsGoalTarget ? "[goal]" : string.Empty)} {k.Baseline?.Text}({k.Baseline?.Period?.Start.Year})/{k.Target?.Text}({k.Target?.Period?.End.Year})/{k.Actual?.Text}({k.Actual?.Period?.Start.Year}) {k.Unit} {k.Evaluation ?? k.Status}={k.StatusMeaning?.Meaning} {k.Achievement?.Text}";
}
