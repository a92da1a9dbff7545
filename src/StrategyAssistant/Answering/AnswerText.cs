namespace StrategyAssistant.Answering;

/// <summary>Shortening of quoted text for answers.</summary>
internal static class AnswerText
{
    /// <summary>Cuts a text at a sentence or clause boundary, never inside a number.</summary>
    public static string ShortenAtBoundary(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        int cut = text.LastIndexOfAny(['。', '、', ' '], max);
        return cut > max / 2 ? string.Concat(text.AsSpan(0, cut + 1), "…") : Shorten(text, max);
    }

    public static string Shorten(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
