using System.Globalization;

namespace StrategyAssistant.Records;

/// <summary>A Japanese fiscal year (年度, April to March), identified by the Western year it starts in: 令和6年度 = FY2024.</summary>
public readonly record struct FiscalYear(int Year) : IComparable<FiscalYear>
{
    /// <summary>令和N年度 = FY(2018 + N).</summary>
    public static FiscalYear FromReiwa(int n) => new(2018 + n);

    /// <summary>平成N年度 = FY(1988 + N).</summary>
    public static FiscalYear FromHeisei(int n) => new(1988 + n);

    public int CompareTo(FiscalYear other) => Year.CompareTo(other.Year);

    public static bool operator <(FiscalYear left, FiscalYear right) => left.Year < right.Year;

    public static bool operator >(FiscalYear left, FiscalYear right) => left.Year > right.Year;

    public static bool operator <=(FiscalYear left, FiscalYear right) => left.Year <= right.Year;

    public static bool operator >=(FiscalYear left, FiscalYear right) => left.Year >= right.Year;

    /// <summary>The era form the documents use: 令和6年度, 令和元年度, 平成30年度.</summary>
    public string ToJapanese() => Year switch
    {
        2019 => "令和元年度",
        > 2019 => $"令和{Year - 2018}年度",
        1989 => "平成元年度",
        _ => $"平成{Year - 1988}年度",
    };

    public override string ToString() => "FY" + Year.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A year or a span of fiscal years as a document wrote it, e.g. 令和2-6年度累計 = FY2020–FY2024, cumulative.</summary>
/// <param name="Start">The first fiscal year.</param>
/// <param name="End">The last fiscal year (equal to <paramref name="Start"/> for a single year).</param>
/// <param name="Text">The notation exactly as written.</param>
/// <param name="Cumulative">True when the value is a total over the span (累計, 5年間の合計).</param>
public sealed record FiscalPeriod(FiscalYear Start, FiscalYear End, string Text, bool Cumulative = false)
{
    public bool IsSingleYear => Start == End;

    public bool Contains(FiscalYear year) => year >= Start && year <= End;

    public override string ToString() => IsSingleYear ? Start.ToString() : $"{Start}–{End}{(Cumulative ? " cumulative" : string.Empty)}";
}
