using System.Text.RegularExpressions;

namespace StrategyAssistant.Ingestion.Interpreters;

/// <summary>The patterns of the KPI arrow-block notation.</summary>
internal static partial class KpiArrowBlockPatterns
{
    [GeneratedRegex(@"\s*[.．…・]{3,}.*$")]
    internal static partial Regex DotLeader();

    [GeneratedRegex(@"^(?:[○〇◯●]|-\s)\s*(?<rest>\S.*)$")]
    internal static partial Regex IndicatorBullet();

    [GeneratedRegex(@"\s+([】)）])")]
    internal static partial Regex SpaceBeforeClosingBracket();

    [GeneratedRegex(@"^#{1,6}\s*")]
    internal static partial Regex HeadingHashes();

    [GeneratedRegex(@"[(（](?<inner>[^()（）]*)[)）]")]
    internal static partial Regex ParenText();

    [GeneratedRegex(@"\s*[(（](?<label>[^()（）：:]*?)[：:](?<value>[^()（）]*)[)）]\s*$")]
    internal static partial Regex BaselineNote();

    [GeneratedRegex(@"[：:]\s*([(（])")]
    internal static partial Regex StrayColon();

    [GeneratedRegex(@"※?(?<from>[ア-ン])\s*[〜～~\-ー]\s*(?<to>[ア-ン])\s*共通")]
    internal static partial Regex SharedSpan();
}
