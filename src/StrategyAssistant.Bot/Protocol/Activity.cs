using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace StrategyAssistant.Bot.Protocol;

/// <summary>A Bot Framework activity (the fields this bot reads or writes; unknown fields are kept in <see cref="Extra"/>).</summary>
public sealed class Activity
{
    public string? Type { get; set; }

    public string? Id { get; set; }

    public string? Timestamp { get; set; }

    public string? LocalTimestamp { get; set; }

    public string? ServiceUrl { get; set; }

    public string? ChannelId { get; set; }

    public ChannelAccount? From { get; set; }

    public ConversationAccount? Conversation { get; set; }

    public ChannelAccount? Recipient { get; set; }

    public string? TextFormat { get; set; }

    public string? Text { get; set; }

    public string? Locale { get; set; }

    public string? Name { get; set; }

    public string? ReplyToId { get; set; }

    public JsonNode? Value { get; set; }

    public IList<ChannelAccount>? MembersAdded { get; set; }

    public IList<ChannelAccount>? MembersRemoved { get; set; }

    public IList<Attachment>? Attachments { get; set; }

    public IList<JsonObject>? Entities { get; set; }

    public JsonObject? ChannelData { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Extra { get; set; }

    /// <summary>The Entra tenant: <c>channelData.tenant.id</c>, else <c>conversation.tenantId</c>.</summary>
    [JsonIgnore]
    public string? TenantId =>
        (ChannelData?["tenant"] as JsonObject)?["id"] is JsonValue v && v.TryGetValue(out string? id) && !string.IsNullOrEmpty(id)
            ? id
            : Conversation?.TenantId;
}

public sealed class ChannelAccount
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? AadObjectId { get; set; }

    public string? Role { get; set; }
}

public sealed class ConversationAccount
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? ConversationType { get; set; }

    public bool? IsGroup { get; set; }

    public string? TenantId { get; set; }
}

public sealed class Attachment
{
    public string? ContentType { get; set; }

    public JsonNode? Content { get; set; }

    public string? ContentUrl { get; set; }

    public string? Name { get; set; }
}

/// <summary>The connector's answer to a send or reply: the new activity's id.</summary>
public sealed class ResourceResponse
{
    public string? Id { get; set; }
}

/// <summary>Activity type names.</summary>
public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string Invoke = "invoke";
    public const string Typing = "typing";
}

/// <summary>The JSON settings of the wire protocol: camelCase, nulls omitted, bounded depth, Japanese unescaped.</summary>
public static class ActivityJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        MaxDepth = 64,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Parses an inbound activity; throws <see cref="JsonException"/> when the body is not an activity object.</summary>
    public static Activity Parse(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize<Activity>(utf8Json, Options) ?? throw new JsonException("The body is JSON null, not an activity.");

    public static string Serialize(Activity activity) => JsonSerializer.Serialize(activity, Options);
}
