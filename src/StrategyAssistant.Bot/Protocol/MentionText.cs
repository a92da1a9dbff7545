using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace StrategyAssistant.Bot.Protocol;

/// <summary>Removes the bot's @mention from a Teams message.</summary>
public static partial class MentionText
{
    /// <summary>Removes the <c>text</c> of every mention entity naming <paramref name="botId"/>, then any leftover
    /// <c>&lt;at&gt;…&lt;/at&gt;</c>, then decodes the few entities Teams leaves and trims.</summary>
    public static string StripBotMention(string? text, IEnumerable<JsonObject>? entities, string? botId)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        string result = text;
        if (entities is not null)
        {
            foreach (JsonObject entity in entities)
            {
                if (entity["type"]?.GetValueKind() != System.Text.Json.JsonValueKind.String
                    || !string.Equals((string?)entity["type"], "mention", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                string? mentionedId = (entity["mentioned"] as JsonObject)?["id"] is JsonValue idValue && idValue.TryGetValue(out string? id) ? id : null;
                string? mentionText = entity["text"] is JsonValue textValue && textValue.TryGetValue(out string? t) ? t : null;
                if (mentionText is { Length: > 0 } && (botId is null || string.Equals(mentionedId, botId, StringComparison.OrdinalIgnoreCase)))
                {
                    result = result.Replace(mentionText, " ", StringComparison.Ordinal);
                }
            }
        }

        result = AtTag().Replace(result, " ");
        result = result.Replace("&nbsp;", " ", StringComparison.Ordinal).Replace('\u00A0', ' ');
        return Whitespace().Replace(result, " ").Trim();
    }

    [GeneratedRegex(@"<at[^>]*>.*?</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex AtTag();

    [GeneratedRegex(@"[ \t]+")]
    private static partial Regex Whitespace();
}
