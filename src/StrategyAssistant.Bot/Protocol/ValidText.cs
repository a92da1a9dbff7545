using System.Text.Json.Nodes;

namespace StrategyAssistant.Bot.Protocol;

/// <summary>Text that can be answered: well-formed UTF-16 (no lone surrogate such as <c>\ud800</c>, which JSON can carry
/// but nothing downstream can encode). Requests carrying such text get 400.</summary>
public static class ValidText
{
    public static bool IsValid(string? text) => text is null || IsWellFormed(text);

    /// <summary>Every string inside a JSON value (object values and array items, recursively) is well-formed.</summary>
    public static bool IsValid(JsonNode? node)
    {
        try
        {
            return node switch
            {
                null => true,
                JsonValue v => !v.TryGetValue(out string? s) || IsWellFormed(s),
                JsonObject o => o.All(p => IsWellFormed(p.Key) && IsValid(p.Value)),
                JsonArray a => a.All(IsValid),
                _ => true,
            };
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json refuses to materialise a string holding a lone surrogate escape.
            return false;
        }
    }

    private static bool IsWellFormed(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }

                i++;
            }
            else if (char.IsLowSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }
}
