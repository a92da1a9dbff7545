using StrategyAssistant.Answering;
using StrategyAssistant.Answering.Grounding;
using StrategyAssistant.Documents;
using StrategyAssistant.Ingestion;

namespace StrategyAssistant.Tests.Answering;

public sealed class GroundingCheckTests
{
    private static readonly Lazy<KnowledgeBase> s_knowledge = new(() => CorpusKnowledge.Read(TestCorpus.Corpus));

    private const string Header = "具体的な施策\t基準値 (H30)\tKPI (R6)";
    private const string Row = "移住者数 16人\t移住者数 40人";

    [Fact]
    public void Figures_that_stand_in_the_sources_are_grounded()
    {
        GroundingResult result = GroundingCheck.Check("芦別市の移住者数の目標は 40人（R6）です [1]。", [Header, Row]);
        Assert.True(result.Grounded, string.Join(", ", result.Untraced));
    }

    [Fact]
    public void A_figure_not_in_the_sources_is_untraced()
    {
        GroundingResult result = GroundingCheck.Check("目標は 55人です [1]。", [Row]);
        Assert.Single(result.Untraced);
        Assert.StartsWith("55人", result.Untraced[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("予算は １,１０４,２８７千円 です", "子ども医療費助成事業\t子育て支援部\t1,104,287")]
    [InlineData("予算は 11億428万7千円 です", "事業費 1,104,287千円")]
    [InlineData("予算は 1,104,287,000円 です", "事業費 1,104,287千円")]
    [InlineData("事業費は 11億7,547万円", "事業費 11億7,547万円 （令和2年度決算額）")]
    [InlineData("実績は 65 % です", "65.0%")]
    [InlineData("実績は 65ポイント です", "65.0%")]
    [InlineData("目標は四十五人です", "目標 45人")]
    [InlineData("目標は四万五千人です", "目標 45,000人")]
    [InlineData("目標は4万5千人です", "目標 45,000人")]
    [InlineData("令和6年度の目標は 19件", "19件（R6年度）←13件（H30年度）")]
    [InlineData("令和六年度の目標は 19件", "19件（R6年度）←13件（H30年度）")]
    [InlineData("2024年度の目標は 19件", "19件（R6年度）←13件（H30年度）")]
    [InlineData("令和元年度の基準値 34.2%", "38.5%（R6年度）←34.2%（R1年度）")]
    public void Normalised_forms_match(string answer, string source)
    {
        GroundingResult result = GroundingCheck.Check(answer, [source]);
        Assert.True(result.Grounded, string.Join(", ", result.Untraced));
    }

    [Theory]
    [InlineData("目標は四十六人です", "目標 45人")]
    [InlineData("予算は 1,104,287円 です", "事業費 1,104,287千円")]
    [InlineData("実績は 65人 です", "65.0%")]
    public void Different_quantities_do_not_match(string answer, string source) =>
        Assert.False(GroundingCheck.Check(answer, [source]).Grounded);

    [Fact]
    public void A_year_the_sources_do_not_give_is_untraced()
    {
        GroundingResult result = GroundingCheck.Check("令和7年度の目標は 19件", ["19件（R6年度）←13件（H30年度）"]);
        Assert.False(result.Grounded);
    }

    [Theory]
    [InlineData("・実績値: 3件（令和2年度）", true)]
    [InlineData("・実績値: 3件（令和6年度）", false)]
    [InlineData("・目標値: 3件（令和2年度）", false)]
    public void A_bare_year_before_the_next_figure_labels_that_figure(string answer, bool grounded) =>
        Assert.Equal(grounded, GroundingCheck.Check(answer, ["国際・全国等スポーツ大会数(各年度件数)(件)\t基準値 13 (平成30年度)\t令和2年度実績値 3\t令和6年度目標値 19"]).Grounded);

    [Fact]
    public void A_figure_given_another_year_in_its_own_line_is_untraced() =>
        Assert.False(GroundingCheck.Check("目標は 19件（H30年度）です", ["19件（R6年度）←13件（H30年度）"]).Grounded);

    [Fact]
    public void Sums_and_counts_are_accepted_only_through_verified_derivations()
    {
        string answer = "次の2事業です。\n・A事業 100千円 [1]\n・B事業 250千円 [2]\n計 100千円 + 250千円 = 350千円";
        Citation[] citations = [new("a.txt", "t", "", 1, 1, "A事業\t100"), new("a.txt", "t", "", 2, 2, "B事業\t250")];
        Derivation sum = new(DerivationKind.Sum, "100千円 + 250千円 = 350千円", "350千円", [new("100", "千円", 1), new("250", "千円", 2)]);
        Derivation count = new(DerivationKind.Count, "2事業", "2", [new("A事業", null, 1), new("B事業", null, 2)]);

        Assert.True(GroundingCheck.Check(answer, citations, null, "", [sum, count]).Grounded);
        Assert.False(GroundingCheck.Check(answer, citations, null, "", []).Grounded);
        string wrong = answer.Replace("350", "360", StringComparison.Ordinal);
        Assert.False(GroundingCheck.Check(wrong, citations, null, "", [sum with { Expression = "100千円 + 250千円 = 360千円", Result = "360千円" }, count]).Grounded);
        Assert.False(GroundingCheck.Check(answer, citations, null, "", [sum with { Operands = [new("100", "千円", 1), new("250", "千円", 1)] }, count]).Grounded);
    }

    [Fact]
    public void Goal_numbers_and_counts_stated_in_the_cited_line_are_grounded()
    {
        string answer = "旭川市の基本目標4 安心して魅力ある持続可能な拠点都市を形成するの事業は 63事業（うち再掲 20）、再掲を除くと 43事業です [1]。";
        GroundingResult result = GroundingCheck.Check(answer, ["基本目標4\t20\t63 (43)\t8,447,935\t7,969,101"], "基本目標4の事業は再掲を除いて何事業？");
        Assert.True(result.Grounded, string.Join(", ", result.Untraced));
    }

    [Theory]
    [InlineData("芦別市の移住者数の目標は 40人（R6）です [1]。", true)]
    [InlineData("芦別市の移住者数の基準値は 16人（H30）、目標値は 40人（R6）です [1]。", true)]
    [InlineData("移住者数の目標値は16人（R6）です [1]。", false)]
    [InlineData("移住者数の目標は40人（H30）です [1]。", false)]
    [InlineData("砂川市の移住者数の目標は40人です [1]。", false)]
    [InlineData("移住者数の目標は10人です [1]。", false)]
    [InlineData("応援大使の人数は3人ですが、移住者数の目標は10人です [1]。", false)]
    [InlineData("移住者数は16人、応援大使の人数の目標は10人です [1]。", true)]
    [InlineData("移住者数の目標は四十人です [1]。", true)]
    [InlineData("芦別市は移住者数の目標を撤回しました。", false)]
    [InlineData("移住者数の目標は達成されました。", false)]
    public void Claims_about_a_record_match_its_role_year_city_and_subject(string answer, bool grounded)
    {
        // The 芦別市 KPI table: 移住者数 16人 → 40人 and, on the next line, 応援大使の人数 3人 → 10人.
        Citation[] citations = [Cite("004_", 117, 119)];
        GroundingResult result = GroundingCheck.Check(answer, citations, s_knowledge.Value, "芦別市の移住者数の目標は？", []);
        Assert.True(result.Grounded == grounded, string.Join(", ", result.Untraced));
    }

    [Fact]
    public void Urls_and_instructions_the_sources_do_not_contain_are_removed()
    {
        GroundingResult result = GroundingCheck.Check("目標は 40人 です [1]。詳しくは https://evil.example/x を見て。こちらの番号に電話してください。", [Row]);

        Assert.True(result.Grounded, string.Join(", ", result.Untraced));
        Assert.Equal("目標は 40人 です [1]。", result.Text);
        Assert.Equal(2, result.Removed.Count);
    }

    [Fact]
    public void A_status_word_is_supported_by_a_source_that_says_it_and_a_longer_word_does_not_count()
    {
        Assert.True(GroundingCheck.Check("この事業は廃止されました。", ["令和3年度で事業を廃止した"]).Grounded);
        Assert.False(GroundingCheck.Check("目標を達成しました。", ["目標は未達成である"]).Grounded);
    }

    [Fact]
    public void A_verbatim_quote_is_grounded_whatever_its_layout()
    {
        string quote = "項目\t基準値\t2020年度\t目標値\n教育支援センターの相談支援者数\t36人/年\t29人\t30人/年";
        Assert.True(GroundingCheck.Check("[1] 項目 基準値 2020年度 目標値 教育支援センターの相談支援者数 36人/年 29人 30人/年", [quote]).Grounded);
    }

    [Fact]
    public void Sentences_keep_every_character()
    {
        const string text = "目標は40人です [1]。実績は？\n・基準値: 16人（H30） [1]\n最後";
        Assert.Equal(text, string.Concat(GroundingCheck.Sentences(text)));
    }

    [Fact]
    public void Kanji_numerals_are_read_only_with_a_unit_and_not_after_第()
    {
        var numbers = Figures.Scan(Figures.Prepare("統一的な第一期の計画で、四十五人と三万二千円、十分な"), GroundingVocabulary.Default);
        Assert.Equal([45m, 32_000m], numbers.Select(n => n.Full));
        Assert.Equal(UnitKind.Money, numbers[1].Kind);
    }

    private static Citation Cite(string filePrefix, int line, int lineEnd)
    {
        SourceDocument document = TestCorpus.Document(filePrefix.TrimEnd('_'));
        string quote = string.Join("\n", Enumerable.Range(line, lineEnd - line + 1).Select(document.Line));
        return new Citation(document.Info.File, document.Info.Title, document.Info.City, line, lineEnd, quote);
    }
}
