using StrategyAssistant.Documents;
using StrategyAssistant.Ingestion.Formats;
using StrategyAssistant.Ingestion.Tests.Synthetic;
using StrategyAssistant.Ingestion.Vocabulary;
using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion.Tests;

/// <summary>Every fictional town's project list (<see cref="ProjectNotationTowns"/>) yields every project with its name,
/// department, budget as written, amount, unit, 再掲 mark and 施策, every stated total with whether its rows agree, and the
/// notes it must; and the same with CR line ends.</summary>
public sealed class ProjectNotationTests
{
    private static readonly CorpusIngestor s_ingestor = new(StrategyVocabulary.Default, new IngestionOptions());

    public static TheoryData<string> Towns => [.. ProjectNotationTowns.All.Select(t => t.City)];

    [Theory]
    [MemberData(nameof(Towns))]
    public void Every_project_and_stated_total_is_read(string name)
    {
        ProjectTown town = ProjectNotationTowns.All.Single(t => t.City == name);
        AssertRecords(town, Read(town, town.Text));
    }

    [Theory]
    [MemberData(nameof(Towns))]
    public void CR_line_ends_and_a_byte_order_mark_read_the_same(string name)
    {
        ProjectTown town = ProjectNotationTowns.All.Single(t => t.City == name);
        AssertRecords(town, Read(town, "\uFEFF" + town.Text.Replace("\n", "\r", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_reprinted_budget_is_not_added_into_a_total_twice()
    {
        ProjectTown town = ProjectNotationTowns.All.Single(t => t.City == "楓ヶ丘町");
        RecordSet records = Read(town, town.Text);
        ListTotal total = records.Totals.Single(t => t.Kind == "total");
        Assert.Equal((5300m, 4, 1), (total.ListedBudgetExcludingRepeats, total.ListedCount, total.ListedRepeats));
        Assert.Equal("関係人口の創出", records.Totals.Where(t => t.Kind == "subtotal").Last().Measure?.Title);
    }

    [Fact]
    public void A_total_that_disagrees_is_kept_as_written_with_a_note_quoting_both_figures()
    {
        ProjectTown town = ProjectNotationTowns.All.Single(t => t.City == "椿原町");
        RecordSet records = Read(town, town.Text);
        DataQualityNote note = Assert.Single(records.Notes, n => n.Kind == "total-mismatch");
        Assert.Contains("3,000", note.Message, StringComparison.Ordinal);
        Assert.Contains("3,500", note.Message, StringComparison.Ordinal);
        Assert.Equal(6, note.Sources[0].Line);
        Assert.Equal(3000m, records.Totals.Single().Budget!.Amount);
    }

    internal static RecordSet Read(ProjectTown town, string text)
    {
        var info = new DocumentInfo(town.File, town.City, town.City + " 事業一覧", "strategy", string.Empty, town.City);
        return s_ingestor.ReadRecords(new TextDocumentReader().Read(info, System.Text.Encoding.UTF8.GetBytes(text))).Records;
    }

    private static void AssertRecords(ProjectTown town, RecordSet records)
    {
        Assert.Equal(
            town.Expected.Select(e => (e.Name, e.Department, e.BudgetText, e.Amount, e.Unit, e.Repeat, e.Measure)),
            records.Projects.Select(p => (p.Name, p.Department, p.Budget?.Text, p.Budget?.Amount, p.Budget?.Unit ?? string.Empty, p.IsRepeat, p.Measure?.Title)));
        Assert.All(records.Projects, p => Assert.Equal(town.City, p.City));
        Assert.Empty(records.Kpis);
        Assert.Equal(
            town.Totals.Select(t => (t.Label, t.Kind, (string?)t.BudgetText, t.Agrees)),
            records.Totals.Select(t => (t.Label, t.Kind, (t.Budget ?? t.BudgetExcludingRepeats)?.Text, t.Agrees)));
        Assert.Equal(town.Notes, records.Notes.Select(n => n.Kind).Distinct());
    }
}
