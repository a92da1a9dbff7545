using Microsoft.Extensions.DependencyInjection;
using StrategyAssistant.Answering;
using StrategyAssistant.Search;

namespace StrategyAssistant.Tests.Answering;

/// <summary>Honest abstention for a year the documents hold no value for, and retrieval that does not depend on the
/// questions asked before, through the real assistant on the bundled corpus. The questions are written for these tests.</summary>
[Collection(AssistantCollection.Name)]
public sealed class AbstentionAnswerTests(TestAssistant assistant)
{
    private async Task<CorpusIndex> IndexAsync() => await assistant.Services.GetRequiredService<CorpusIndexProvider>().GetAsync();

    [Fact]
    public async Task A_passages_coverage_does_not_depend_on_a_record_with_the_same_id_searched_before()
    {
        CorpusIndex index = await IndexAsync();
        var records = index.Knowledge.Records.Projects.Select(p => (p.Id, Text: p.Name, Kind: IndexFields.KindProject))
            .Concat(index.Knowledge.Records.Kpis.Select(k => (k.Id, Text: k.Indicator, Kind: IndexFields.KindKpi)))
            .ToList();
        var shared = index.Knowledge.Passages
            .Select(p => (Passage: p, Record: records.FirstOrDefault(r => r.Id == p.Id)))
            .Where(x => x.Record.Id is not null)
            .Take(20)
            .ToList();
        Assert.True(shared.Count >= 3, "the bundled corpus has passages and records that share an id");

        foreach ((StrategyAssistant.Documents.Passage passage, (string Id, string Text, string Kind) record) in shared)
        {
            var request = new SearchRequest(record.Text, [IndexFields.KindPassage], [], 50);
            double Coverage(Retriever retriever) => retriever.Search(request).Where(h => h.Hit.Id == passage.Id).Select(h => h.Coverage).DefaultIfEmpty(-1).First();

            double fresh = Coverage(new Retriever(index.Index));
            var used = new Retriever(index.Index);
            used.Search(new SearchRequest(record.Text, [record.Kind], [], 50));
            Assert.Equal(fresh, Coverage(used));
        }
    }

    [Theory]
    [InlineData("旭川のIT企業等進出支援事業、2023年度の予算は？", "令和6年度")]
    [InlineData("旭川市の移住促進事業、令和4年度の事業費はいくら？", "令和6年度")]
    [InlineData("岩見沢の地方創生推進交付金の採択事業、令和6年度の予算は？", "令和4年度")]
    public async Task A_budget_asked_for_a_year_the_project_has_none_for_is_not_found_and_the_stated_years_are_labelled(string question, string stated)
    {
        Answer answer = await assistant.AskAsync(question);
        Assert.False(answer.Found);
        Assert.Contains("記載されていません", answer.Text, StringComparison.Ordinal);
        Assert.Contains($"{stated} [", answer.Text, StringComparison.Ordinal);
        Assert.Empty(answer.Figures);
        Assert.True(GroundingCheck.Check(answer, (await IndexAsync()).Knowledge, question).Grounded);
    }

    [Fact]
    public async Task A_budget_asked_for_one_of_a_projects_years_gives_that_years_figure_only()
    {
        Answer answer = await assistant.AskAsync("岩見沢の地方創生推進交付金の採択事業、令和3年度はいくら？");
        Assert.True(answer.Found);
        Assert.Contains("令和3年度", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("令和2年度", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("令和4年度", answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("岩見沢の農業産出額、2021年の数字は？", "農業産出額")]
    [InlineData("岩見沢の1人あたりの総所得、令和4年はどれくらい？", "1人あたりの総所得")]
    [InlineData("旭川の新規開業件数、令和5年度の数字は？", "新規開業件数(各年度件数)")]
    public async Task An_indicator_asked_for_a_year_after_its_values_without_a_value_role_is_not_found(string question, string indicator)
    {
        Answer answer = await assistant.AskAsync(question);
        Assert.False(answer.Found);
        Assert.Contains($"「{indicator}」", answer.Text, StringComparison.Ordinal);
        Assert.Empty(answer.Figures);
        Assert.True(GroundingCheck.Check(answer, (await IndexAsync()).Knowledge, question).Grounded);
    }

    [Theory]
    [InlineData("宿泊延べ数", "宿泊延数")]
    [InlineData("登録申し込み", "申込")]
    [InlineData("売り上げ高", "売上高")]
    [InlineData("受け入れ", "受入")]
    [InlineData("地域の取り組み", "取組")]
    public async Task A_word_and_its_other_spelling_are_one_word_to_retrieval(string word, string spelling)
    {
        CorpusIndex index = await IndexAsync();
        IReadOnlyList<SpellingVariant> variants = [.. SpellingVariants.Pairs(word).Select(p => new SpellingVariant(p.Word, p.Variant))];
        Assert.Contains(variants, v => v.Variant.Contains(spelling, StringComparison.Ordinal));

        var plain = new SearchRequest(word, [IndexFields.KindPassage], [], 50);
        var grouped = plain with { Variants = variants };
        // An entry that writes the word only in the other spelling covers the word whole.
        ScoredHit best = index.Retriever.Search(grouped).First(h => index.Index.StoredText(h.Hit.DocId) is var text
            && text.Contains(spelling, StringComparison.Ordinal) && !text.Contains(word, StringComparison.Ordinal));
        Assert.Equal(1.0, best.Coverage, 3);
        // Without the group, the entry that writes only the other spelling does not cover the word.
        double alone = index.Retriever.Search(plain).Where(h => h.Hit.DocId == best.Hit.DocId).Select(h => h.Coverage).DefaultIfEmpty(0).First();
        Assert.True(alone < 1.0, $"{word}: {alone}");
        Assert.Empty(index.Retriever.Absent(word, variants).Absent);
    }

    [Theory]
    [InlineData("旭川でeスポーツを核にした中心部の施設の事業は？", "ICTパーク運営事業")]
    [InlineData("旭川高専が地域企業と連携して行う人材育成を支援する事業は？", "地域連携技術者育成支援事業")]
    [InlineData("旭川で夜間景観のために中心市街地にイルミネーションを設置する事業は？", "街あかり推進事業")]
    public async Task A_question_that_describes_a_project_gets_that_project_cited_at_its_own_row(string question, string project)
    {
        Answer answer = await assistant.AskAsync(question);
        var own = (await IndexAsync()).Knowledge.Records.Projects.Where(p => p.Name == project && !p.IsRepeat).ToList();
        Assert.NotEmpty(own);
        Assert.Contains(project, answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("に紐づく事業は次の", answer.Text, StringComparison.Ordinal);
        Assert.Contains(answer.Citations, c => own.Any(p => p.Source.File == c.File && p.Source.Line == c.Line));
    }

    [Theory]
    [InlineData("岩見沢で職業訓練校受講生数をKPIにしている事業は？", "職業能力向上事業")]
    [InlineData("岩見沢で高齢者・障がい者の冬の暮らし支援事業登録世帯数を指標にしてる事業は？", "共生のまちづくり推進事業")]
    [InlineData("砂川で国保特定健診受診率をKPIにしている事業は？", "健康管理支援事業")]
    public async Task The_project_an_indicator_belongs_to_is_cited_where_the_project_is_named(string question, string project)
    {
        Answer answer = await assistant.AskAsync(question);
        var named = (await IndexAsync()).Knowledge.Records.Projects.Where(p => p.Name.StartsWith(project, StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(named);
        Assert.Contains(answer.Citations, c => named.Any(p => p.Source.File == c.File && p.Source.Line == c.Line));
        Assert.DoesNotMatch(@"(\[\d+\])[^\n]*\1", answer.Text);
    }

    [Theory]
    [InlineData("岩見沢の資料では、2060年の総人口の推計は？", "9,284万人")]
    [InlineData("岩見沢の2040年の生産年齢人口は？", "28,483")]
    [InlineData("岩見沢の2040年の年少人口の推計は？", "6,241")]
    public async Task A_year_after_every_record_that_the_prose_states_is_answered_from_the_prose(string question, string expected)
    {
        Answer answer = await assistant.AskAsync(question);
        Assert.True(answer.Found);
        Assert.Contains(expected, answer.Text, StringComparison.Ordinal);
        Assert.Contains(answer.Citations, c => c.Quote.Contains(expected, StringComparison.Ordinal));
        Assert.True(GroundingCheck.Check(answer, (await IndexAsync()).Knowledge, question).Grounded);
    }

    [Theory]
    [InlineData("岩見沢の2021年の社会減、大部分を占めた年代は？", "約9割を20歳代")]
    [InlineData("旭川で平成29年度に設立された観光の組織は？", "大雪カムイミントラDMO")]
    [InlineData("岩見沢で2020年と2021年の30歳代の社会動態はどうだった？", "ほぼ均衡")]
    public async Task The_sentence_that_states_the_asked_year_is_the_one_quoted(string question, string expected)
    {
        Answer answer = await assistant.AskAsync(question);
        Assert.True(answer.Found);
        Assert.Contains(expected, answer.Citations[0].Quote, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("砂川の住み替え支援事業の補助金交付件数、R3の実績は？", "95")]
    [InlineData("砂川のハートフル住まいる推進事業の補助金交付件数、R3の実績は？", "258")]
    [InlineData("砂川の医療・介護従事者移住定住促進事業の補助金交付件数、R3の実績は？", "9件")]
    public async Task Indicators_of_different_projects_that_share_a_generic_name_are_not_one_block(string question, string actual)
    {
        Answer answer = await assistant.AskAsync(question);
        Assert.Contains(actual, answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("別の表の記載（事業:", answer.Text, StringComparison.Ordinal);
        Assert.True(GroundingCheck.Check(answer, (await IndexAsync()).Knowledge, question).Grounded);
    }
}
