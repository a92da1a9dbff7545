using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StrategyAssistant.Documents;
using StrategyAssistant.Records;

namespace StrategyAssistant.Tests.Records;

public class QuantityTests
{
    [Theory]
    [InlineData("1,669", "1669", null)]
    [InlineData("△7.04%", "-7.04", "%")]
    [InlineData("▲312人", "-312", "人")]
    [InlineData("11億7,547万円", "117547", "万円")]
    [InlineData("65.0%", "65.0", "%")]
    [InlineData("1755", "1755", null)]
    [InlineData("62,000PV", "62000", "PV")]
    [InlineData("1,770 万件", "1770", "万件")]
    [InlineData("1,963百万円", "1963", "百万円")]
    [InlineData("１，０８３千人泊", "1083", "千人泊")]
    [InlineData("-5", "-5", null)]
    [InlineData("8,246,014", "8246014", null)]
    public void Numbers_parse_exactly(string text, string value, string? unit)
    {
        Assert.True(Quantity.TryParse(text, out Quantity q));
        Assert.Equal(decimal.Parse(value, CultureInfo.InvariantCulture), q.Value);
        Assert.Equal(unit, q.Unit);
    }

    [Fact]
    public void Decimal_places_are_kept()
    {
        Assert.Equal("65.0", Quantity.Parse("65.0%")!.Value.Value.ToString(CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("—")]
    [InlineData("法定雇用率以上")]
    [InlineData("5年間で10%程度の増加")]
    [InlineData("10%程度の増加")]
    [InlineData("基準値を維持")]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData(null)]
    [InlineData("1,66")]
    [InlineData("３０人以上")]
    public void Texts_that_are_not_numbers(string? text) => Assert.False(Quantity.TryParse(text, out _));

    [Theory]
    [InlineData("—", null)]
    [InlineData("法定雇用率以上", null)]
    [InlineData("5年間で10%程度の増加", null)]
    [InlineData("基準値を維持", null)]
    [InlineData("▲312人", "-312")]
    public void Kpi_values_keep_the_text_and_parse_only_numbers(string text, string? number)
    {
        KpiValue value = KpiValue.Parse(text, Cite());
        Assert.Equal(text, value.Text);
        Assert.Equal(number is null ? null : decimal.Parse(number, CultureInfo.InvariantCulture), value.Number);
    }

    [Fact]
    public void Kpi_value_with_cumulative_period()
    {
        KpiValue value = KpiValue.Parse("705 (令和2-6年度累計数)", Cite(), defaultUnit: "人");
        Assert.Equal(705m, value.Number);
        Assert.Equal("人", value.Unit);
        Assert.Equal("705", value.ValueText);
        Assert.Equal("705人", value.Display);
        Assert.True(value.Period!.Cumulative);
        Assert.Equal(new FiscalYear(2020), value.Period.Start);
        Assert.Equal(new FiscalYear(2024), value.Period.End);
    }

    [Fact]
    public void Kpi_value_with_two_notes_takes_the_year_from_the_first()
    {
        FiscalPeriod header = FiscalYearParser.Parse("令和2年度")!;
        KpiValue value = KpiValue.Parse("3,908 (R元年度) (R3年9月中頃に実績値把握予定)", Cite(), header, "人");
        Assert.Equal(3908m, value.Number);
        Assert.Equal(new FiscalYear(2019), value.Period!.Start);
        Assert.Equal("3,908", value.ValueText);
        Assert.Contains("R3年9月中頃に実績値把握予定", value.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Kpi_value_uses_the_header_year_when_the_cell_has_none()
    {
        FiscalPeriod header = FiscalYearParser.Parse("令和2年度")!;
        KpiValue value = KpiValue.Parse("9,677", Cite(), header, "人");
        Assert.Equal(9677m, value.Number);
        Assert.Equal(new FiscalYear(2020), value.Period!.Start);
        Assert.Null(value.Note);
    }

    [Fact]
    public void Kpi_value_text_target_with_year()
    {
        KpiValue value = KpiValue.Parse("▲332人（H27年実績）より社会減を減少（R6年度）", Cite());
        Assert.Null(value.Number);
        Assert.Equal(new FiscalYear(2024), value.Period!.Start);
    }

    [Property]
    public Property Formatted_numbers_round_trip() =>
        Prop.ForAll(
            Gen.Choose(-1_000_000, 1_000_000).ToArbitrary(),
            Gen.Choose(0, 99).ToArbitrary(),
            Gen.Elements("", "%", "人", "件", "千円", "万円", "PV").ToArbitrary(),
            (whole, cents, unit) =>
            {
                decimal value = whole + (cents / 100m);
                string text = (value < 0 ? "△" : string.Empty) + Math.Abs(value).ToString("#,0.00", CultureInfo.InvariantCulture) + unit;
                return Quantity.TryParse(text, out Quantity q) && q.Value == value && q.Unit == (unit.Length == 0 ? null : unit);
            });

    [Property]
    public Property ToString_round_trips() =>
        Prop.ForAll(Gen.Choose(-5_000_000, 5_000_000).ToArbitrary(), n =>
        {
            var q = new Quantity(n, "人");
            return Quantity.Parse(q.ToString()) == q;
        });

    [Property(MaxTest = 500)]
    public bool Never_throws_on_arbitrary_text(string? text)
    {
        _ = Quantity.TryParse(text, out _);
        _ = KpiValue.Parse(text ?? string.Empty, Cite());
        return true;
    }

    [Property(MaxTest = 300)]
    public Property Never_throws_on_number_like_text() =>
        Prop.ForAll(
            Gen.Elements("1", "0", "9", ",", ".", "億", "万", "円", "△", "▲", "%", "人", "99999999999999999999999", " ", "(", "）", "年度", "R").ListOf().Select(parts => string.Concat(parts)).ToArbitrary(),
            text =>
            {
                _ = Quantity.TryParse(text, out _);
                _ = KpiValue.Parse(text, Cite());
                return true;
            });

    private static Citation Cite() => new("test.txt", "test", "旭川市", 1, 1, string.Empty);
}
