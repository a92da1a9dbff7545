using StrategyAssistant.Ingestion.Interpreters;
using StrategyAssistant.Records;
using static StrategyAssistant.Ingestion.Tests.Notations.AsahikawaRecords;

namespace StrategyAssistant.Ingestion.Tests.Notations;

public class BudgetListInterpreterTests
{
    private const string File001 = "001_a912f52f4cccf086.txt";

    [Fact]
    public void Rows_repeats_and_sums_per_goal()
    {
        var byGoal = ProjectRecords.Projects.GroupBy(p => p.Goal!.Number).OrderBy(g => g.Key).ToList();
        Assert.Equal([1, 2, 3, 4], byGoal.Select(g => g.Key));
        Assert.Equal([49, 37, 42, 63], byGoal.Select(g => g.Count()));
        Assert.Equal([0, 8, 10, 20], byGoal.Select(g => g.Count(p => p.IsRepeat)));
        Assert.Equal([2_763_699m, 2_719_953m, 622_546m, 8_447_935m], byGoal.Select(g => g.Sum(p => p.Budget!.Amount!.Value)));
        Assert.Equal(191, ProjectRecords.Projects.Count);
        Assert.All(ProjectRecords.Projects, p => Assert.Equal("千円", p.Budget!.Unit));
        Assert.All(ProjectRecords.Projects, p => Assert.Equal(new FiscalYear(2024), p.BudgetYear!.Start));
        Assert.All(ProjectRecords.Projects, p => Assert.NotNull(p.Measure));
        Assert.All(ProjectRecords.Projects, p => Assert.NotNull(p.Department));
        Assert.All(ProjectRecords.Projects, p => Assert.Contains(p.Status, new[] { "新規", "継続" }));
    }

    [Fact]
    public void Goal_two_subtotal_mismatch_is_noted_with_both_figures()
    {
        DataQualityNote note = Assert.Single(ProjectRecords.Notes, n => n.Kind == "total-mismatch" && n.Sources[0].Line == 823);
        Assert.Contains("2,694,812", note.Message, StringComparison.Ordinal);
        Assert.Contains("2,719,953", note.Message, StringComparison.Ordinal);
        Assert.Contains("25,141", note.Message, StringComparison.Ordinal);
        Assert.Contains("14,528,992", note.Message, StringComparison.Ordinal);
        Assert.Contains("林業担い手確保・育成支援事業", note.Message, StringComparison.Ordinal);
        Assert.Contains(note.Sources, s => s.File == File001 && s.Line == 780);
        Assert.Contains("新しい人の流れをつくり、留まれる中核拠点を創出する", note.Subjects);
        Assert.Contains("林業担い手確保・育成支援事業", note.Subjects);
        Assert.Equal("旭川市", note.City);
    }

    [Fact]
    public void Only_figures_that_differ_are_noted()
    {
        List<DataQualityNote> notes = [.. ProjectRecords.Notes.Where(n => n.Kind != "name-mismatch")];
        Assert.DoesNotContain(notes, n => n.Kind == "count-mismatch");
        Assert.All(notes, n => Assert.Equal("total-mismatch", n.Kind));
        Assert.All(notes, n => Assert.Contains("25,141", n.Message, StringComparison.Ordinal));

        // 小計2, 合計, the summary row of goal 2 (事業費 and 再掲除く) and the summary total (both): six statements.
        Assert.Equal([823, 983, 987, 987, 990, 990], notes.Select(n => n.Sources[0].Line).Order());
        Assert.DoesNotContain(notes, n => n.Sources[0].Line is 765 or 884 or 982 or 986 or 988 or 989);
        Assert.Contains(notes, n => n.Message.Contains("2,213,338", StringComparison.Ordinal) && n.Message.Contains("2,238,479", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.Message.Contains("13,419,736", StringComparison.Ordinal) && n.Message.Contains("13,444,877", StringComparison.Ordinal));
    }

    [Fact]
    public void Repeat_rows_whose_original_is_named_differently_are_noted()
    {
        DataQualityNote note = Assert.Single(ProjectRecords.Notes, n => n.Kind == "name-mismatch");
        Assert.Contains("大雪カムイミントラDMO推進事業", note.Message, StringComparison.Ordinal);
        Assert.Contains("大雪カムイミントラジODMO推進事業", note.Message, StringComparison.Ordinal);
        Assert.Equal([819, 935, 807], note.Sources.Select(s => s.Line));
        Assert.DoesNotContain(ProjectRecords.Notes, n => n.Kind == "missing-original");
    }

    [Fact]
    public void Budgets_as_written_and_as_numbers()
    {
        ProjectRecord medical = Project("子ども医療費助成事業");
        Assert.Equal("1,104,287", medical.Budget!.Text);
        Assert.Equal(1_104_287m, medical.Budget.Amount);
        Assert.Equal(1_104_287_000m, medical.Budget.InYen);
        Assert.Equal(716, medical.Source.Line);
        Assert.Equal("子育て支援部", medical.Department);
        Assert.Equal("14", medical.Number);

        Assert.Equal(235_735m, Project("特別支援教育推進事業").Budget!.Amount);
        ProjectRecord zoo = Project("動物園事業特別会計繰出金");
        Assert.Equal("311,663", zoo.Budget!.Text);
        Assert.Equal(802, zoo.Source.Line);
        Assert.Equal(0m, Project("学校照明LED整備事業").Budget!.Amount);
    }

    [Fact]
    public void Goal_and_measure_headings()
    {
        ProjectRecord matchmaking = Project("縁結びネットワーク活動促進事業");
        Assert.Equal(new Measure("イ", "結婚を希望する人への情報提供の充実"), matchmaking.Measure);
        Assert.Equal(739, matchmaking.Source.Line);
        Assert.Equal(1, matchmaking.Goal!.Number);

        ProjectRecord airline = Project("航空路線確保対策事業");
        Assert.Equal("①", airline.Measure!.Mark);
        Assert.Equal("旭川空港の利用拡大", airline.Measure.Title);
        Assert.Equal(new Measure("ア", "旭川空港の利用拡大と交通機能の充実"), airline.Measure.Parent);
        Assert.Equal(4, airline.Goal!.Number);
        Assert.Contains("LCC", airline.Description, StringComparison.Ordinal);

        // ウ ⇥ <b>title</b>: the mark in a cell of its own.
        Assert.Equal(new Measure("ウ", "子どもたちへの教育環境の充実"), Project("英語教育推進事業").Measure);

        // ### ウ …: a Markdown heading inside the table.
        Assert.Equal("ウ", Project("地域公共交通対策事業").Measure!.Mark);
        Assert.Equal(3, Project("地域公共交通対策事業").Goal!.Number);
    }

    [Fact]
    public void Shifted_rows_are_read_by_content()
    {
        // No leading tab.
        ProjectRecord local = Project("郷土学習振興事業");
        Assert.Equal("13", local.Number);
        Assert.Equal(339m, local.Budget!.Amount);
        Assert.Equal("社会教育部", local.Department);

        // One extra leading cell.
        ProjectRecord pr = Project("広報活動事業");
        Assert.Equal("1", pr.Number);
        Assert.Equal(19_993m, pr.Budget!.Amount);
        Assert.Equal("オ", pr.Measure!.Mark);

        ProjectRecord last = Project("市民課DX推進事業");
        Assert.Equal(236_634m, last.Budget!.Amount);
        Assert.Equal("新規", last.Status);
    }

    [Fact]
    public void Names_departments_status_repeat_and_grant()
    {
        ProjectRecord visit = Project("子育て世帯訪問支援事業");
        Assert.Equal("新規", visit.Status);
        Assert.Equal(714, visit.Source.Line);

        ProjectRecord ski = Project("カムイスキーリンクス索道等整備事業");
        Assert.Equal("観光スポーツ交流部", ski.Department);

        ProjectRecord cdo = Project("電子市役所推進事業");
        Assert.Equal("行財政改革推進部", cdo.Department);
        Assert.Equal(975, cdo.Source.Line);
        Assert.Contains("CDO", cdo.Description, StringComparison.Ordinal);

        ProjectRecord repeat = ProjectRecords.Projects.Single(p => p.Source.Line == 783);
        Assert.True(repeat.IsRepeat);
        Assert.Equal("若者地元定着促進事業", repeat.Name);
        Assert.Equal("6", repeat.Number);
        Assert.Equal(783, repeat.Source.Line);
        Assert.Equal("デジタル田園都市国家構想交付金", repeat.Grant);
        Assert.Null(Project("発達支援相談事業").Grant);
        Assert.Equal(30, ProjectRecords.Projects.Count(p => p.Grant is not null));
    }

    [Fact]
    public void Every_row_cites_its_line()
    {
        foreach (ProjectRecord p in ProjectRecords.Projects)
        {
            Assert.Equal(File001, p.Source.File);
            string line = Strategy.Line(p.Source.Line);
            Assert.Contains(p.Name, line, StringComparison.Ordinal);
            Assert.Contains(p.Budget!.Text, line, StringComparison.Ordinal);
            Assert.Equal($"{File001}:{p.Source.Line}", p.Id);
        }
    }
}

public class ListTotalTests
{
    [Fact]
    public void Stated_totals_are_records_with_what_the_rows_give()
    {
        IReadOnlyList<ListTotal> totals = AsahikawaRecords.ProjectRecords.Totals;
        Assert.Equal(10, totals.Count);
        Assert.Equal(4, totals.Count(t => t.Kind == "subtotal"));
        Assert.Single(totals, t => t.Kind == "total");
        Assert.Equal(4, totals.Count(t => t.Kind == "summary"));
        Assert.Single(totals, t => t.Kind == "summary-total");

        ListTotal goal4 = totals.Single(t => t.Kind == "summary" && t.Goal!.Number == 4);
        Assert.Equal(989, goal4.Source.Line);
        Assert.Equal("63", goal4.CountText);
        Assert.Equal("43", goal4.CountExcludingRepeatsText);
        Assert.Equal("20", goal4.RepeatsText);
        Assert.Equal(63, goal4.ListedCount);
        Assert.Equal(20, goal4.ListedRepeats);
        Assert.Equal("7,969,101", goal4.BudgetExcludingRepeats!.Text);
        Assert.True(goal4.Agrees);

        ListTotal subtotal2 = totals.Single(t => t.Label == "小計2");
        Assert.Equal(823, subtotal2.Source.Line);
        Assert.Equal(2_694_812m, subtotal2.Budget!.Amount);
        Assert.Equal(2_719_953m, subtotal2.ListedBudget);
        Assert.False(subtotal2.Agrees);

        ListTotal all = totals.Single(t => t.Kind == "summary-total");
        Assert.Equal("191", all.CountText);
        Assert.Equal("153", all.CountExcludingRepeatsText);
        Assert.Equal(191, all.ListedCount);
        Assert.Null(all.Goal);
        Assert.Equal([true, false, true, true], totals.Where(t => t.Kind == "subtotal").OrderBy(t => t.Goal!.Number).Select(t => t.Agrees));
    }

    [Fact]
    public void Totals_survive_the_default_reader_and_linker() =>
        Assert.Equal(10, AsahikawaRecords.All.Totals.Count(t => t.City == "旭川市"));
}
