using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace StrategyAssistant.Bot.Tests.Infrastructure;

/// <summary>Teams-shaped inbound activities, as the docs' recorded examples look.</summary>
internal static class Activities
{
    public const string UserId = "29:1a2b3c-user-id";
    public const string UserTenant = "9d8c7b6a-5f4e-4d3c-2b1a-0f9e8d7c6b5a";
    public const string BotName = "StrategyAssistant";

    public static string BotId => "28:" + BotTestHost.AppId;

    public static string NewId() => "1" + Random.Shared.NextInt64(100_000_000_000, 999_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static JsonObject Message(string serviceUrl, string conversationId, string text, string? id = null, string tenant = UserTenant, string conversationType = "personal", JsonArray? entities = null)
    {
        return new JsonObject
        {
            ["type"] = "message",
            ["id"] = id ?? NewId(),
            ["timestamp"] = DateTime.UtcNow.ToString("O"),
            ["localTimestamp"] = DateTimeOffset.Now.ToString("O"),
            ["serviceUrl"] = serviceUrl,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = UserId, ["name"] = "議員 太郎", ["aadObjectId"] = "5e4d3c2b-1a09-4f8e-9d7c-6b5a4f3e2d1c" },
            ["conversation"] = new JsonObject
            {
                ["conversationType"] = conversationType,
                ["tenantId"] = tenant,
                ["id"] = conversationId,
                ["isGroup"] = conversationType != "personal",
            },
            ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = BotName },
            ["textFormat"] = "plain",
            ["locale"] = "ja-JP",
            ["text"] = text,
            ["attachments"] = new JsonArray(),
            ["entities"] = entities ?? new JsonArray(new JsonObject { ["type"] = "clientInfo", ["locale"] = "ja-JP", ["country"] = "JP", ["platform"] = "Web", ["timezone"] = "Asia/Tokyo" }),
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenant } },
            ["someFutureField"] = new JsonObject { ["ignored"] = true },
        };
    }

    /// <summary>A channel message that @mentions the bot, as Teams sends it.</summary>
    public static JsonObject ChannelMention(string serviceUrl, string question, out string conversationId)
    {
        conversationId = "19:abc123def456@thread.tacv2;messageid=" + NewId();
        string mention = $"<at>{BotName}</at>";
        JsonObject activity = Message(serviceUrl, conversationId, mention + " " + question, conversationType: "channel", entities: new JsonArray(
            new JsonObject { ["type"] = "mention", ["mentioned"] = new JsonObject { ["id"] = BotId, ["name"] = BotName }, ["text"] = mention },
            new JsonObject { ["type"] = "clientInfo", ["locale"] = "ja-JP" }));
        activity["channelData"]!["team"] = new JsonObject { ["id"] = "19:team@thread.tacv2", ["name"] = "議会事務局" };
        activity["channelData"]!["channel"] = new JsonObject { ["id"] = "19:abc123def456@thread.tacv2", ["name"] = "General" };
        return activity;
    }

    public static JsonObject BotAdded(string serviceUrl, string conversationId, bool includeBot = true)
    {
        var members = new JsonArray(new JsonObject { ["id"] = UserId });
        if (includeBot)
        {
            members.Add(new JsonObject { ["id"] = BotId });
        }

        return new JsonObject
        {
            ["type"] = "conversationUpdate",
            ["id"] = "f:" + NewId(),
            ["timestamp"] = DateTime.UtcNow.ToString("O"),
            ["serviceUrl"] = serviceUrl,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = UserId, ["aadObjectId"] = "5e4d3c2b-1a09-4f8e-9d7c-6b5a4f3e2d1c" },
            ["conversation"] = new JsonObject { ["conversationType"] = "personal", ["tenantId"] = UserTenant, ["id"] = conversationId },
            ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = BotName },
            ["membersAdded"] = members,
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = UserTenant } },
        };
    }

    public static JsonObject Feedback(string serviceUrl, string conversationId, string replyToId, string reaction, string feedbackText)
    {
        return new JsonObject
        {
            ["type"] = "invoke",
            ["name"] = "message/submitAction",
            ["id"] = "f:" + NewId(),
            ["timestamp"] = DateTime.UtcNow.ToString("O"),
            ["serviceUrl"] = serviceUrl,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = UserId, ["aadObjectId"] = "5e4d3c2b-1a09-4f8e-9d7c-6b5a4f3e2d1c" },
            ["conversation"] = new JsonObject { ["conversationType"] = "personal", ["tenantId"] = UserTenant, ["id"] = conversationId },
            ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = BotName },
            ["replyToId"] = replyToId,
            ["value"] = new JsonObject
            {
                ["actionName"] = "feedback",
                ["actionValue"] = new JsonObject
                {
                    ["reaction"] = reaction,
                    ["feedback"] = new JsonObject { ["feedbackText"] = feedbackText }.ToJsonString(),
                },
            },
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = UserTenant } },
        };
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string body, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, JsonObject activity, string? token) => PostAsync(client, TestJson.Text(activity), token);
}
