using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using StrategyAssistant.Answering;
using StrategyAssistant.Documents;
using StrategyAssistant.Ingestion;
using StrategyAssistant.Records;
using StrategyAssistant.Search;

namespace StrategyAssistant.Tests.Answering;

/// <summary>Prose answers (the sentence that answers, never a heading or a contents line), the document's remark on a result,
/// blank values with their reasons, one block per indicator, and provenance computed at ingestion, through the real assistant
/// on the bundled corpus. The questions are written for these tests, not taken from the evaluation sets.</summary>
[Collection(AssistantCollection.Name)]
public sealed partial class ProseAnswerTests(TestAssistant assistant)
{
    private async Task<KnowledgeBase> KnowledgeAsync() => (await assistant.Services.GetRequiredService<CorpusIndexProvider>().GetAsync()).Knowledge;

    [Theory]
    [InlineData("旭川の第2期総合戦略の目指す姿は？", "北北海道の拠点")]
    [InlineData("旭川の総合戦略の計画期間は？", "2024")]
    [InlineData("岩見沢の第2期総合戦略の計画期間は？", "令和6年度")]
    public async Task A_prose_question_is_answered_with_the_sentence_that_answers(string question, string expected)
    {
        Answer answer = await assistant.AskAsync(question);
        Assert.True(answer.Found);
        Assert.Contains(expected, answer.Text, StringComparison.Ordinal);
        Assert.Contains(answer.Citations, c => c.Quote.Contains(expected, StringComparison.Ordinal));
        Assert.True(GroundingCheck.Check(answer, await KnowledgeAsync(), question).Grounded);
    }

    [Theory]
    [InlineData("岩見沢の出生数の減少は国や北海道と同じ傾向なの？", "出生数は減少(国や北海道と同様の傾向)", 214)]
    [InlineData("岩見沢の30歳代の社会動態は2020年と2021年どうだった？", "改善傾向は継続(2020年・2021年は社会増減がほぼ均衡)", 222)]
    [InlineData("岩見沢の年代別社会増減率はどうやって算出してる？", "を算出(社会増減率 = 社会増減 ÷ 前年末人口)", 220)]
    public async Task A_line_opening_with_a_parenthesis_is_quoted_with_the_statement_above_it(string question, string expected, int line)
    {
        Answer answer = await assistant.AskAsync(question);
        Assert.Contains(expected, answer.Text, StringComparison.Ordinal);
        Assert.Contains(answer.Citations, c => c.Line == line && c.LineEnd == line + 1);
    }

    [Theory]
    [InlineData("旭川の第2期総合戦略の目指す姿は？")]
    [InlineData("旭川の総合戦略の位置づけとは？")]
    [InlineData("岩見沢のKPIの進捗状況は全体としてどう？")]
    public async Task Headings_and_contents_lines_are_never_the_quoted_answer(string question)
    {
        Answer answer = await assistant.AskAsync(question);
        Assert.DoesNotContain(answer.Citations, c => c.Quote.StartsWith('#') || ContentsEntry().IsMatch(c.Quote));
    }

    [Theory]
    [InlineData("砂川の創業支援事業、令和3年度の実績はどうだった？", "3件の創業", 31)]
    [InlineData("旭川のまちなか居住人口の実績は？", "140名減少", 99)]
    [InlineData("砂川のスマート農業推進事業の実績は？", "活用実績がなかった", 34)]
    public async Task A_result_is_answered_with_the_documents_remark_on_it_quoted_by_line(string question, string remark, int line)
    {
        Answer answer = await assistant.AskAsync(question);
        Assert.Contains(remark, answer.Text, StringComparison.Ordinal);
        Assert.Contains(answer.Citations, c => c.Line == line && c.Quote.Contains(remark, StringComparison.Ordinal));
        Assert.True(GroundingCheck.Check(answer, await KnowledgeAsync(), question).Grounded);
    }

    [Theory]
    [InlineData("砂川の学童保育所待機児童数の目標値は？")]
    [InlineData("旭川のまちなか居住人口の基準値は？")]
    [InlineData("砂川の創業支援事業の目標値は？")]
    public async Task A_question_for_a_baseline_or_target_alone_gets_no_remark(string question)
    {
        Answer answer = await assistant.AskAsync(question);
        Assert.True(answer.Found);
        Assert.DoesNotContain("所見", answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("砂川の観光入込客数、令和3年度の実績は？", "観光入込客数", true)]
    [InlineData("岩見沢の潜在待機児童数の実績は？", "潜在待機児童数", false)]
    [InlineData("砂川の観光入込客数の目標は？", "観光入込客数", true)]
    public async Task One_indicator_from_several_tables_is_one_block_with_its_sources(string question, string indicator, bool differs)
    {
        Answer answer = await assistant.AskAsync(question);
        Assert.Single(Regex.Matches(answer.Text, $"「{indicator}」[（\\[]"));
        Assert.True(answer.Citations.Select(c => c.Line).Distinct().Count() >= 2);
        Assert.Equal(differs, answer.Notes.Any(n => n.Contains("複数の表", StringComparison.Ordinal)));
        Assert.True(GroundingCheck.Check(answer, await KnowledgeAsync(), question).Grounded);
    }

    [Fact]
    public void A_blank_value_is_said_outright_with_the_documents_reason()
    {
        Citation row = new("t.txt", "T", "テスト市", 3, 3, "海水浴場の利用者数\t1,200人\t－");
        Citation footnote = new("t.txt", "T", "テスト市", 9, 9, "※令和4年度は海水浴場を開設せず");
        var record = new KpiRecord
        {
            Id = "t.txt:3",
            City = "テスト市",
            Source = row,
            Indicator = "海水浴場の利用者数",
            Baseline = KpiValue.Parse("1,200人", row),
            Actual = KpiValue.Parse("－", row) with { MissingReason = new MissingReason("令和4年度は海水浴場を開設せず", footnote) },
            Target = KpiValue.Parse("", row),
        };
        var question = new Question { Text = "海水浴場の利用者数の目標と実績は？", Topic = "海水浴場の利用者数", Asked = new HashSet<AskedValue> { AskedValue.Target, AskedValue.Actual } };
        var builder = new AnswerBuilder();
        new KpiRemarks(null!).AddMissing(record, question, builder);
        Answer answer = builder.Build(question.Text);
        Assert.Contains("実績値: 資料に値の記載がありません（「－」）", answer.Text, StringComparison.Ordinal);
        Assert.Contains("令和4年度は海水浴場を開設せず", answer.Text, StringComparison.Ordinal);
        Assert.Contains(footnote, answer.Citations);
        Assert.Contains("目標値: 資料に値の記載がありません（空欄）", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("基準値", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Ingestion_stores_each_values_year_header_and_each_passages_line_numbers()
    {
        KnowledgeBase knowledge = CorpusKnowledge.Read(TestCorpus.Corpus);
        var values = knowledge.Records.Kpis.SelectMany(k => new[] { k.Baseline, k.Target, k.Actual }.OfType<KpiValue>()).Where(v => v.PeriodSource is not null).ToList();
        Assert.NotEmpty(values);
        Assert.All(values, v => Assert.True(v.PeriodSource!.Line <= v.Source.Line));

        // Every passage line, numbered at ingestion, is the document's line.
        foreach (Passage passage in knowledge.Passages)
        {
            SourceDocument document = knowledge.Document(passage.File);
            Assert.All(passage.NumberedLines(), l => Assert.Equal(PassageSplitter.Clean(document.Line(l.Line)), l.Text));
        }

        Assert.Contains(knowledge.Records.StatedCounts, c => c.Kind == StatedCountKind.GoalProjects);
        Assert.All(knowledge.Records.StatedCounts, c => Assert.All(c.Items, i => Assert.Contains(i.Number, c.Source.Quote, StringComparison.Ordinal)));
        Assert.Contains(knowledge.Records.Kpis, k => k.DepartmentSource is not null && k.DepartmentSource.Quote.Contains(k.Department!, StringComparison.Ordinal));
    }

    [Fact]
    public void Answering_code_reads_no_document_line()
    {
        string answering = Path.Combine(TestCorpus.RepositoryRoot, "src", "StrategyAssistant", "Answering");
        var offenders = Directory.EnumerateFiles(answering, "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetFileName(f), Line: i + 1, Text: line)))
            .Where(l => RawLineAccess().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();
        Assert.Empty(offenders);
    }

    [GeneratedRegex(@"(\.{3,}|…{2,})\s*[0-9]+\s*$")]
    private static partial Regex ContentsEntry();

    [GeneratedRegex(@"SourceDocument|\.Lines\b|LineCount|Corpus\.Documents|\.Document\(")]
    private static partial Regex RawLineAccess();
}
