using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StrategyAssistant.Records;

namespace StrategyAssistant.Tests.Records;

public class FiscalYearParserTests
{
    [Theory]
    [InlineData("令和6年度", 2024)]
    [InlineData("令和 6 年度", 2024)]
    [InlineData("R6", 2024)]
    [InlineData("R 6", 2024)]
    [InlineData("R6年度", 2024)]
    [InlineData("Ｒ６年度", 2024)]
    [InlineData("令和元年度", 2019)]
    [InlineData("R元年度", 2019)]
    [InlineData("平成30年度", 2018)]
    [InlineData("H30", 2018)]
    [InlineData("H30年度", 2018)]
    [InlineData("平成元年度", 1989)]
    [InlineData("2024年度", 2024)]
    [InlineData("西暦 2024年度", 2024)]
    [InlineData("R6年", 2024)]
    public void Single_year_forms(string text, int year)
    {
        FiscalPeriod? period = FiscalYearParser.Parse(text);
        Assert.NotNull(period);
        Assert.Equal(new FiscalYear(year), period.Start);
        Assert.True(period.IsSingleYear);
        Assert.False(period.Cumulative);
    }

    [Fact]
    public void Bare_year_inside_a_reiwa_table()
    {
        Assert.Null(FiscalYearParser.Parse("3年度"));
        Assert.Equal(new FiscalYear(2021), FiscalYearParser.Parse("3年度", FiscalYearParser.Era.Reiwa)!.Start);
        Assert.Equal(new FiscalYear(1991), FiscalYearParser.Parse("3年度", FiscalYearParser.Era.Heisei)!.Start);
    }

    [Fact]
    public void Heisei_span()
    {
        FiscalPeriod period = FiscalYearParser.Parse("平成28-30年度の平均値")!;
        Assert.Equal(new FiscalYear(2016), period.Start);
        Assert.Equal(new FiscalYear(2018), period.End);
        Assert.False(period.Cumulative);
        Assert.Equal("平成28-30年度", period.Text);
    }

    [Theory]
    [InlineData("令和2-6年度累計")]
    [InlineData("令和2-6年度累計数")]
    [InlineData("R2年度～R6年度累計数")]
    [InlineData("令和2年度～令和6年度累計")]
    public void Reiwa_cumulative_span(string text)
    {
        FiscalPeriod period = FiscalYearParser.Parse(text)!;
        Assert.Equal(new FiscalYear(2020), period.Start);
        Assert.Equal(new FiscalYear(2024), period.End);
        Assert.True(period.Cumulative);
        Assert.Equal("FY2020–FY2024 cumulative", period.ToString());
    }

    [Fact]
    public void Span_with_both_eras_written()
    {
        FiscalPeriod period = FiscalYearParser.Parse("H28-H30年度")!;
        Assert.Equal(new FiscalYear(2016), period.Start);
        Assert.Equal(new FiscalYear(2018), period.End);
    }

    [Fact]
    public void Western_span()
    {
        FiscalPeriod period = FiscalYearParser.Parse("2020年度～2024年度")!;
        Assert.Equal(new FiscalYear(2020), period.Start);
        Assert.Equal(new FiscalYear(2024), period.End);
    }

    [Theory]
    [InlineData("R3年9月中頃に実績値把握予定")]
    [InlineData("H30年10月～R1年9月実績")]
    [InlineData("2022年12月に策定")]
    public void A_date_with_a_month_is_not_a_fiscal_year(string text) => Assert.Null(FiscalYearParser.Parse(text));

    [Fact]
    public void Finds_every_year_left_to_right()
    {
        var found = FiscalYearParser.FindAll("65.0%（R6年度）←59.9%（R1年度）").ToList();
        Assert.Equal(2, found.Count);
        Assert.Equal(new FiscalYear(2024), found[0].Period.Start);
        Assert.Equal(new FiscalYear(2019), found[1].Period.Start);
        Assert.Equal("R6年度", found[0].Period.Text);
    }

    [Fact]
    public void Numbers_that_are_not_years_are_ignored()
    {
        Assert.Null(FiscalYearParser.Parse("1,669"));
        Assert.Null(FiscalYearParser.Parse("44.87"));
        Assert.Null(FiscalYearParser.Parse("各年度件数"));
    }

    [Property]
    public Property Japanese_form_round_trips() =>
        Prop.ForAll(Gen.Choose(1990, 2080).ToArbitrary(), year =>
            FiscalYearParser.Parse(new FiscalYear(year).ToJapanese())?.Start == new FiscalYear(year));

    [Property]
    public Property Reiwa_short_form_round_trips() =>
        Prop.ForAll(Gen.Choose(1, 60).ToArbitrary(), n =>
            FiscalYearParser.Parse($"R{n}年度")?.Start == FiscalYear.FromReiwa(n)
            && FiscalYearParser.Parse($"H{n}")?.Start == FiscalYear.FromHeisei(n));

    [Property]
    public Property Cumulative_spans_round_trip() =>
        Prop.ForAll(Gen.Choose(1, 30).ToArbitrary(), Gen.Choose(0, 10).ToArbitrary(), (first, length) =>
        {
            FiscalPeriod? period = FiscalYearParser.Parse($"令和{first}-{first + length}年度累計");
            return period is not null && period.Start == FiscalYear.FromReiwa(first) && period.End == FiscalYear.FromReiwa(first + length) && period.Cumulative;
        });

    [Property(MaxTest = 500)]
    public bool Never_throws_on_arbitrary_text(string? text)
    {
        _ = FiscalYearParser.FindAll(text).ToList();
        _ = FiscalYearParser.FindAll(text, FiscalYearParser.Era.Reiwa).ToList();
        return true;
    }

    [Property(MaxTest = 300)]
    public Property Never_throws_on_year_like_text() =>
        Prop.ForAll(
            Gen.Elements("令和", "平成", "R", "H", "元", "年", "年度", "-", "～", "累計", "0", "1", "9", "99", "2024", "月", " ", "(", "）").ListOf().Select(parts => string.Concat(parts)).ToArbitrary(),
            text =>
            {
                foreach (FiscalYearParser.Match m in FiscalYearParser.FindAll(text, FiscalYearParser.Era.Reiwa))
                {
                    if (m.Period.End < m.Period.Start || m.Index < 0 || m.Index + m.Length > text.Length)
                    {
                        return false;
                    }
                }

                return true;
            });
}
