using System.Text;
using System.Text.Json.Nodes;
using StrategyAssistant.Answering;
using StrategyAssistant.Bot.Protocol;
using StrategyAssistant.Documents;
using StrategyAssistant.Hosting;

namespace StrategyAssistant.Bot.Replies;

/// <summary>Builds the bot's outgoing activities: typing, the answer (text with [n] markers, an Adaptive Card 1.5 with the
/// figures table and the sources, one schema.org Message entity with the AI label and citations, feedback buttons), the
/// welcome and error messages. Every reply is kept under the configured size.</summary>
public static class ReplyBuilder
{
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";
    public const string AdaptiveCardSchema = "http://adaptivecards.io/schemas/adaptive-card.json";
    public const int MaxCitations = 20;
    public const int MaxCitationName = 80;
    public const int MaxCitationAbstract = 160;

    /// <summary>A reply addressed back to <paramref name="inbound"/>: from = its recipient, recipient = its from, same conversation, replyToId = its id.</summary>
    public static Activity ReplyTo(Activity inbound, string type)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        return new Activity
        {
            Type = type,
            ServiceUrl = inbound.ServiceUrl,
            ChannelId = inbound.ChannelId,
            From = inbound.Recipient is { } r ? new ChannelAccount { Id = r.Id, Name = r.Name } : null,
            Recipient = inbound.From is { } f ? new ChannelAccount { Id = f.Id, Name = f.Name, AadObjectId = f.AadObjectId } : null,
            Conversation = inbound.Conversation is { } c ? new ConversationAccount { Id = ThreadOf(c, inbound.Id), Name = c.Name, ConversationType = c.ConversationType, IsGroup = c.IsGroup, TenantId = c.TenantId } : null,
            ReplyToId = inbound.Id,
            Locale = inbound.Locale,
        };
    }

    /// <summary>A reply to a channel post goes into that post's thread: the channel's conversation id with
    /// <c>;messageid={post id}</c>, unless the inbound conversation already names its thread.</summary>
    internal static string? ThreadOf(ConversationAccount conversation, string? inboundId) =>
        string.Equals(conversation.ConversationType, "channel", StringComparison.OrdinalIgnoreCase) && conversation.Id is { Length: > 0 } id
        && !id.Contains(";messageid=", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrEmpty(inboundId)
            ? $"{id};messageid={inboundId}"
            : conversation.Id;

    public static Activity Typing(Activity inbound) => ReplyTo(inbound, ActivityTypes.Typing);

    public static Activity Text(Activity inbound, string text)
    {
        Activity reply = ReplyTo(inbound, ActivityTypes.Message);
        reply.Text = text;
        reply.TextFormat = "plain";
        return reply;
    }

    /// <summary>The welcome sent when the bot is added: what it does and example questions as buttons.</summary>
    public static Activity Welcome(Activity inbound, IReadOnlyList<string> examples)
    {
        ArgumentNullException.ThrowIfNull(examples);
        Activity reply = ReplyTo(inbound, ActivityTypes.Message);
        // The examples appear once, as buttons. A plain {"question": …} payload: Teams and the Agents Playground both return
        // it as the message's value (the Playground ignores msteams imBack data).
        reply.Text = "こんにちは。地方創生総合戦略の資料から、数値と出典付きでお答えします。下のボタンの質問もお試しください。";
        reply.TextFormat = "plain";
        var actions = new JsonArray();
        foreach (string example in examples.Take(6))
        {
            actions.Add(new JsonObject
            {
                ["type"] = "Action.Submit",
                ["title"] = Truncate(example, 40),
                ["data"] = new JsonObject { ["question"] = example },
            });
        }

        reply.Attachments =
        [
            Card(
                new JsonArray
                {
                    new JsonObject { ["type"] = "TextBlock", ["text"] = "StrategyAssistant", ["weight"] = "Bolder", ["size"] = "Medium" },
                    new JsonObject { ["type"] = "TextBlock", ["text"] = "市町村の総合戦略・KPI 資料について質問してください。回答には根拠の行を引用します。", ["wrap"] = true },
                },
                actions),
        ];
        return reply;
    }

    /// <summary>The answer reply, trimmed step by step until it fits <paramref name="maxBytes"/>.</summary>
    public static Activity Answer(Activity inbound, Answer answer, int maxBytes, ReplyContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(answer);
        context ??= ReplyContext.None;
        (int quote, bool modal, int rows, bool card)[] levels =
        [
            (300, true, 40, true), (160, true, 40, true), (160, false, 40, true), (80, false, 20, true), (0, false, 20, true), (0, false, 10, true), (0, false, 0, false),
        ];
        Activity reply = null!;
        foreach ((int quote, bool modal, int rows, bool card) in levels)
        {
            reply = Build(inbound, answer, answer.Text, quote, modal, rows, card, context);
            if (Size(reply) <= maxBytes)
            {
                return reply;
            }
        }

        // Still too big: the text itself is huge. Cut it, keeping the entity (its citations are bounded).
        string text = answer.Text;
        while (Size(reply) > maxBytes && text.Length > 200)
        {
            text = text[..(text.Length * 3 / 4)] + "…（長すぎるため省略しました）";
            reply = Build(inbound, answer, text, 0, false, 0, false, context);
        }

        return reply;
    }

    /// <summary>The size counted against the message limit: the larger of the UTF-8 and UTF-16 sizes of the JSON.</summary>
    public static int Size(Activity activity)
    {
        string json = ActivityJson.Serialize(activity);
        return Math.Max(Encoding.UTF8.GetByteCount(json), json.Length * 2);
    }

    private static Activity Build(Activity inbound, Answer answer, string text, int quoteChars, bool citationModal, int maxRows, bool withCard, ReplyContext context)
    {
        Activity reply = ReplyTo(inbound, ActivityTypes.Message);
        reply.Text = MarkdownLineBreaks(text);
        reply.TextFormat = "markdown";
        reply.Entities = [MessageEntity(answer.Citations, citationModal, context)];
        reply.ChannelData = new JsonObject { ["feedbackLoopEnabled"] = true };
        if (withCard && (answer.Figures.Count > 0 || answer.Citations.Count > 0 || answer.Notes.Count > 0))
        {
            reply.Attachments = [AnswerCard(answer, quoteChars, maxRows, context)];
        }

        return reply;
    }

    /// <summary>The one root schema.org Message entity: AI-generated label and up to 20 citations.</summary>
    public static JsonObject MessageEntity(IReadOnlyList<Citation> citations, bool citationModal = true, ReplyContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(citations);
        context ??= ReplyContext.None;
        var claims = new JsonArray();
        for (int i = 0; i < citations.Count && i < MaxCitations; i++)
        {
            Citation c = citations[i];
            var appearance = new JsonObject
            {
                ["@type"] = "DigitalDocument",
                ["name"] = Truncate(SourceLabel.Document(c.City, c.Title, c.File), MaxCitationName),
                ["abstract"] = Truncate($"{SourceLabel.LinesOf(c)} 「{c.Quote}」", MaxCitationAbstract),
                ["keywords"] = new JsonArray(Truncate(c.City, 28), Truncate(SourceLabel.LinesOf(c), 28)),
                ["image"] = new JsonObject { ["@type"] = "ImageObject", ["name"] = "Text" },
            };
            if (context.ViewerUrl(c) is { } url)
            {
                appearance["url"] = url.AbsoluteUri;
            }

            if (citationModal)
            {
                appearance["text"] = CitationModal(c).ToJsonString(ActivityJson.Options);
                appearance["encodingFormat"] = AdaptiveCardContentType;
            }

            claims.Add(new JsonObject { ["@type"] = "Claim", ["position"] = i + 1, ["appearance"] = appearance });
        }

        return new JsonObject
        {
            ["type"] = "https://schema.org/Message",
            ["@type"] = "Message",
            ["@context"] = "https://schema.org",
            ["@id"] = string.Empty,
            ["additionalType"] = new JsonArray("AIGeneratedContent"),
            ["citation"] = claims,
        };
    }

    /// <summary>The answer card (see <see cref="Replies.AnswerCard"/>).</summary>
    public static Attachment AnswerCard(Answer answer, int quoteChars = 300, int maxRows = 40, ReplyContext? context = null) =>
        new() { ContentType = AdaptiveCardContentType, Content = Replies.AnswerCard.Content(answer, context ?? ReplyContext.None, quoteChars, maxRows) };

    /// <summary>Teams' markdown joins single line breaks; a blank line between the answer's lines keeps them apart.</summary>
    public static string MarkdownLineBreaks(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return System.Text.RegularExpressions.Regex.Replace(text.Replace("\r\n", "\n", StringComparison.Ordinal), "\n+", "\n\n");
    }

    public static string LineRef(Citation citation)
    {
        ArgumentNullException.ThrowIfNull(citation);
        return SourceLabel.Of(citation);
    }

    public static string Truncate(string? text, int max)
    {
        if (string.IsNullOrEmpty(text) || max <= 0)
        {
            return string.Empty;
        }

        if (text.Length <= max)
        {
            return text;
        }

        // Do not split a surrogate pair.
        int cut = max - 1;
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return text[..cut] + "…";
    }

    private static JsonObject CitationModal(Citation c) => new()
    {
        ["type"] = "AdaptiveCard",
        ["$schema"] = AdaptiveCardSchema,
        ["version"] = "1.5",
        ["body"] = new JsonArray
        {
            new JsonObject { ["type"] = "TextBlock", ["text"] = SourceLabel.Document(c.City, c.Title, c.File), ["weight"] = "Bolder", ["wrap"] = true },
            Small(SourceLabel.LinesOf(c)),
            new JsonObject { ["type"] = "TextBlock", ["text"] = Truncate(c.Quote, 1500), ["wrap"] = true },
        },
    };

    private static Attachment Card(JsonArray body, JsonArray? actions)
    {
        var content = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = AdaptiveCardSchema,
            ["version"] = "1.5",
            ["body"] = body,
        };
        if (actions is { Count: > 0 })
        {
            content["actions"] = actions;
        }

        return new Attachment { ContentType = AdaptiveCardContentType, Content = content };
    }

    private static JsonObject Small(string text) => new() { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true, ["size"] = "Small", ["isSubtle"] = true };

}
