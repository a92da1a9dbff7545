using System.Text.RegularExpressions;

namespace StrategyAssistant.Documents;

/// <summary>Removes the HTML and Markdown remnants the PDF extraction left in the text (never whole lines).</summary>
public static partial class Markup
{
    /// <summary>The text of a line without <c>&lt;sup&gt;n&lt;/sup&gt;</c> footnote marks, tags such as <c>&lt;b&gt;</c>, <c>&lt;p&gt;</c>, <c>&lt;u&gt;</c>, <c>&lt;br&gt;</c>, or Markdown <c>**</c>.</summary>
    public static string Strip(string line)
    {
        if (line.IndexOf('<') < 0 && line.IndexOf('*') < 0 && line.IndexOf('&') < 0)
        {
            return line;
        }

        string text = FootnoteMark().Replace(line, string.Empty);
        text = Tag().Replace(text, string.Empty);
        text = text.Replace("**", string.Empty, StringComparison.Ordinal);
        text = text.Replace("&nbsp;", " ", StringComparison.Ordinal)
            .Replace("&amp;", "&", StringComparison.Ordinal)
            .Replace("&lt;", "<", StringComparison.Ordinal)
            .Replace("&gt;", ">", StringComparison.Ordinal);
        return text;
    }

    [GeneratedRegex(@"<sup>[^<]{0,12}</sup>", RegexOptions.IgnoreCase)]
    private static partial Regex FootnoteMark();

    [GeneratedRegex(@"</?(?:b|p|u|i|br|sup|sub|strong|em|span|div)\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex Tag();
}
