using System.Text;
using System.Text.Json.Nodes;
using StrategyAssistant.Answering;
using StrategyAssistant.Bot.Protocol;
using StrategyAssistant.Documents;

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
            Conversation = inbound.Conversation is { } c ? new ConversationAccount { Id = c.Id, Name = c.Name, ConversationType = c.ConversationType, IsGroup = c.IsGroup, TenantId = c.TenantId } : null,
            ReplyToId = inbound.Id,
            Locale = inbound.Locale,
        };
    }

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
        var text = new StringBuilder();
        text.Append("こんにちは。地方創生総合戦略の資料から、数値と出典付きでお答えします。");
        if (examples.Count > 0)
        {
            text.Append("\n\n質問の例:");
            foreach (string example in examples)
            {
                text.Append("\n- ").Append(example);
            }
        }

        reply.Text = text.ToString();
        reply.TextFormat = "markdown";
        var actions = new JsonArray();
        foreach (string example in examples.Take(6))
        {
            actions.Add(new JsonObject
            {
                ["type"] = "Action.Submit",
                ["title"] = Truncate(example, 40),
                ["data"] = new JsonObject
                {
                    ["msteams"] = new JsonObject { ["type"] = "imBack", ["value"] = example },
                    ["question"] = example,
                },
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
    public static Activity Answer(Activity inbound, Answer answer, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(answer);
        (int quote, bool modal, int rows, bool card)[] levels =
        [
            (300, true, 40, true), (160, true, 40, true), (160, false, 40, true), (80, false, 20, true), (0, false, 20, true), (0, false, 10, true), (0, false, 0, false),
        ];
        Activity reply = null!;
        foreach ((int quote, bool modal, int rows, bool card) in levels)
        {
            reply = Build(inbound, answer, answer.Text, quote, modal, rows, card);
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
            reply = Build(inbound, answer, text, 0, false, 0, false);
        }

        return reply;
    }

    /// <summary>The size counted against the message limit: the larger of the UTF-8 and UTF-16 sizes of the JSON.</summary>
    public static int Size(Activity activity)
    {
        string json = ActivityJson.Serialize(activity);
        return Math.Max(Encoding.UTF8.GetByteCount(json), json.Length * 2);
    }

    private static Activity Build(Activity inbound, Answer answer, string text, int quoteChars, bool citationModal, int maxRows, bool withCard)
    {
        Activity reply = ReplyTo(inbound, ActivityTypes.Message);
        reply.Text = MarkdownLineBreaks(text);
        reply.TextFormat = "markdown";
        reply.Entities = [MessageEntity(answer.Citations, citationModal)];
        reply.ChannelData = new JsonObject { ["feedbackLoopEnabled"] = true };
        if (withCard && (answer.Figures.Count > 0 || answer.Citations.Count > 0 || answer.Notes.Count > 0))
        {
            reply.Attachments = [AnswerCard(answer, quoteChars, maxRows)];
        }

        return reply;
    }

    /// <summary>The one root schema.org Message entity: AI-generated label and up to 20 citations.</summary>
    public static JsonObject MessageEntity(IReadOnlyList<Citation> citations, bool citationModal = true)
    {
        ArgumentNullException.ThrowIfNull(citations);
        var claims = new JsonArray();
        for (int i = 0; i < citations.Count && i < MaxCitations; i++)
        {
            Citation c = citations[i];
            var appearance = new JsonObject
            {
                ["@type"] = "DigitalDocument",
                ["name"] = Truncate($"{c.Title}", MaxCitationName),
                ["abstract"] = Truncate($"{LineRef(c)} 「{c.Quote}」", MaxCitationAbstract),
                ["keywords"] = new JsonArray(Truncate(c.City, 28), Truncate(LineRef(c), 28)),
                ["image"] = new JsonObject { ["@type"] = "ImageObject", ["name"] = "Text" },
            };
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

    /// <summary>The answer card: the question, the figures table (indicator, baseline, target, actual, with years), notes and sources.</summary>
    public static Attachment AnswerCard(Answer answer, int quoteChars = 300, int maxRows = 40)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var body = new JsonArray
        {
            new JsonObject { ["type"] = "TextBlock", ["text"] = answer.Question, ["weight"] = "Bolder", ["size"] = "Medium", ["wrap"] = true },
        };

        IReadOnlyList<FigureRow> rows = FigureTable.Build(answer.Figures);
        if (rows.Count > 0 && maxRows > 0)
        {
            bool other = rows.Any(r => r.Other.Count > 0);
            var header = new List<string> { "指標", "基準値", "目標値", "実績値" };
            if (other)
            {
                header.Add("その他");
            }

            var tableRows = new JsonArray { TableRow(header, header: true) };
            foreach (FigureRow row in rows.Take(maxRows))
            {
                var cells = new List<string> { row.Indicator, Join(row.Baseline), Join(row.Target), Join(row.Actual) };
                if (other)
                {
                    cells.Add(Join(row.Other));
                }

                tableRows.Add(TableRow(cells, header: false));
            }

            var columns = new JsonArray { new JsonObject { ["width"] = 3 } };
            for (int i = 1; i < header.Count; i++)
            {
                columns.Add(new JsonObject { ["width"] = 2 });
            }

            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = "数値", ["weight"] = "Bolder", ["spacing"] = "Medium" });
            body.Add(new JsonObject
            {
                ["type"] = "Table",
                ["gridStyle"] = "accent",
                ["firstRowAsHeader"] = true,
                ["showGridLines"] = true,
                ["columns"] = columns,
                ["rows"] = tableRows,
            });
            if (rows.Count > maxRows)
            {
                body.Add(Small($"ほか {rows.Count - maxRows} 指標は省略しました。"));
            }
        }

        if (answer.Notes.Count > 0)
        {
            var notes = new JsonArray();
            foreach (string note in answer.Notes)
            {
                notes.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = "⚠ " + note, ["wrap"] = true, ["size"] = "Small" });
            }

            body.Add(new JsonObject { ["type"] = "Container", ["style"] = "warning", ["items"] = notes, ["spacing"] = "Medium" });
        }

        if (answer.Citations.Count > 0)
        {
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = "出典", ["weight"] = "Bolder", ["spacing"] = "Medium" });
            for (int i = 0; i < answer.Citations.Count; i++)
            {
                Citation c = answer.Citations[i];
                var items = new JsonArray
                {
                    new JsonObject { ["type"] = "TextBlock", ["text"] = $"[{i + 1}] {c.Title}（{c.City}）", ["wrap"] = true, ["weight"] = "Bolder", ["size"] = "Small" },
                    Small(LineRef(c)),
                };
                if (quoteChars > 0 && c.Quote.Length > 0)
                {
                    items.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = "「" + Truncate(c.Quote, quoteChars) + "」", ["wrap"] = true, ["size"] = "Small", ["isSubtle"] = true });
                }

                body.Add(new JsonObject { ["type"] = "Container", ["items"] = items, ["spacing"] = "Small" });
            }
        }

        body.Add(Small(answer.Mode == AnswerMode.Model ? "AI が生成した回答です。数値は出典の行でご確認ください。" : "資料から自動で作成した回答です。数値は出典の行でご確認ください。"));
        return Card(body, null);
    }

    /// <summary>Teams' markdown joins single line breaks; a blank line between the answer's lines keeps them apart.</summary>
    public static string MarkdownLineBreaks(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return System.Text.RegularExpressions.Regex.Replace(text.Replace("\r\n", "\n", StringComparison.Ordinal), "\n+", "\n\n");
    }

    public static string LineRef(Citation citation)
    {
        ArgumentNullException.ThrowIfNull(citation);
        return citation.Line == citation.LineEnd ? $"{citation.File} {citation.Line}行" : $"{citation.File} {citation.Line}–{citation.LineEnd}行";
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
            new JsonObject { ["type"] = "TextBlock", ["text"] = $"{c.Title}（{c.City}）", ["weight"] = "Bolder", ["wrap"] = true },
            Small(LineRef(c)),
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

    private static JsonObject TableRow(IEnumerable<string> cells, bool header)
    {
        var array = new JsonArray();
        foreach (string cell in cells)
        {
            var block = new JsonObject { ["type"] = "TextBlock", ["text"] = cell.Length > 0 ? cell : "—", ["wrap"] = true, ["size"] = "Small" };
            if (header)
            {
                block["weight"] = "Bolder";
            }

            array.Add(new JsonObject { ["type"] = "TableCell", ["items"] = new JsonArray(block) });
        }

        return new JsonObject { ["type"] = "TableRow", ["cells"] = array };
    }

    private static JsonObject Small(string text) => new() { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true, ["size"] = "Small", ["isSubtle"] = true };

    private static string Join(IReadOnlyList<string> cells) => string.Join("\n\n", cells);
}
