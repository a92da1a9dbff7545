using System.Text.Json.Nodes;
using StrategyAssistant.Answering;
using StrategyAssistant.Documents;
using StrategyAssistant.Hosting;
using StrategyAssistant.Records;

namespace StrategyAssistant.Bot.Replies;

/// <summary>What an answer card needs besides the answer: the answer's id (carried in the feedback buttons' data so feedback
/// is matched to this answer even without a replyToId), the public base URL of the document viewer (citations link to it
/// when set), and the project records (for a project table's department and 新規・継続).</summary>
public sealed record ReplyContext(string? AnswerId = null, Uri? PublicBaseUrl = null, IReadOnlyList<ProjectRecord>? Projects = null)
{
    public static ReplyContext None { get; } = new();

    /// <summary>The viewer URL of a citation, or null when no public base URL is configured.</summary>
    public Uri? ViewerUrl(Citation citation) => PublicBaseUrl is null ? null : new Uri(PublicBaseUrl, SourceLabel.ViewerPath(citation));
}

/// <summary>The answer's Adaptive Card 1.5: the question, one table per kind of figure (indicators, projects, derivations,
/// others) with phone-sized column weights and no [n] markers in cells, a warning block for data-quality notes, the sources
/// named as a person would (linked to the document viewer when configured), and 👍/👎 buttons carrying the answer id.</summary>
public static class AnswerCard
{
    /// <summary>The <c>value</c> key of a card feedback submit: <c>{"feedback":"like","answerId":"…"}</c>.</summary>
    public const string FeedbackKey = "feedback";

    public const string AnswerIdKey = "answerId";

    public static JsonObject Content(Answer answer, ReplyContext context, int quoteChars = 300, int maxRows = 40)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(context);
        var body = new JsonArray
        {
            new JsonObject { ["type"] = "TextBlock", ["text"] = answer.Question, ["weight"] = "Bolder", ["size"] = "Medium", ["wrap"] = true },
        };

        if (maxRows > 0)
        {
            foreach (AnswerTable table in AnswerTables.Build(answer, context.Projects))
            {
                AddTable(body, table, maxRows);
            }
        }

        if (answer.Notes.Count > 0)
        {
            var notes = new JsonArray { new JsonObject { ["type"] = "TextBlock", ["text"] = "注記", ["weight"] = "Bolder", ["size"] = "Small" } };
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
                    new JsonObject { ["type"] = "TextBlock", ["text"] = $"[{i + 1}] {SourceLabel.Of(c)}", ["wrap"] = true, ["weight"] = "Bolder", ["size"] = "Small" },
                };
                if (quoteChars > 0 && c.Quote.Length > 0)
                {
                    items.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = "「" + ReplyBuilder.Truncate(c.Quote, quoteChars) + "」", ["wrap"] = true, ["size"] = "Small", ["isSubtle"] = true });
                }

                var container = new JsonObject { ["type"] = "Container", ["items"] = items, ["spacing"] = "Small" };
                if (context.ViewerUrl(c) is { } url)
                {
                    container["selectAction"] = new JsonObject { ["type"] = "Action.OpenUrl", ["url"] = url.AbsoluteUri, ["tooltip"] = "資料を開く" };
                }

                body.Add(container);
            }
        }

        body.Add(Small(answer.Mode == AnswerMode.Model ? "AI が生成した回答です。数値は出典の行でご確認ください。" : "資料から自動で作成した回答です。数値は出典の行でご確認ください。"));
        var content = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = ReplyBuilder.AdaptiveCardSchema,
            ["version"] = "1.5",
            ["body"] = body,
        };
        if (context.AnswerId is { Length: > 0 } answerId)
        {
            content["actions"] = new JsonArray
            {
                FeedbackAction("👍 役に立った", "like", answerId),
                FeedbackAction("👎 役に立たなかった", "dislike", answerId),
            };
        }

        return content;
    }

    private static JsonObject FeedbackAction(string title, string reaction, string answerId) => new()
    {
        ["type"] = "Action.Submit",
        ["title"] = title,
        ["data"] = new JsonObject { [FeedbackKey] = reaction, [AnswerIdKey] = answerId },
    };

    private static void AddTable(JsonArray body, AnswerTable table, int maxRows)
    {
        IReadOnlyList<int> widths = table.Widths;
        var columns = new JsonArray();
        for (int i = 0; i < table.Header.Count; i++)
        {
            columns.Add(new JsonObject { ["width"] = i < widths.Count ? widths[i] : 1 });
        }

        var rows = new JsonArray { Row(table.Header, bold: true) };
        foreach (IReadOnlyList<string> row in table.Rows.Take(maxRows))
        {
            rows.Add(Row(row, bold: false));
        }

        if (table.Footer is { } footer)
        {
            rows.Add(Row(footer, bold: true));
        }

        body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = table.Title, ["weight"] = "Bolder", ["spacing"] = "Medium" });
        body.Add(new JsonObject
        {
            ["type"] = "Table",
            ["gridStyle"] = "accent",
            ["firstRowAsHeader"] = true,
            ["showGridLines"] = true,
            ["columns"] = columns,
            ["rows"] = rows,
        });
        var below = new List<string>();
        if (table.Rows.Count > maxRows)
        {
            below.Add($"ほか {table.Rows.Count - maxRows} 行は省略しました。");
        }

        if (table.Citations.Count > 0)
        {
            below.Add("出典 " + string.Concat(table.Citations.Select(n => $"[{n}]")));
        }

        if (below.Count > 0)
        {
            body.Add(Small(string.Join(" ", below)));
        }
    }

    private static JsonObject Row(IEnumerable<string> cells, bool bold)
    {
        var array = new JsonArray();
        foreach (string cell in cells)
        {
            var block = new JsonObject { ["type"] = "TextBlock", ["text"] = StripMarkers(cell) is { Length: > 0 } t ? t : AnswerTables.Dash, ["wrap"] = true, ["size"] = "Small" };
            if (bold)
            {
                block["weight"] = "Bolder";
            }

            array.Add(new JsonObject { ["type"] = "TableCell", ["items"] = new JsonArray(block) });
        }

        return new JsonObject { ["type"] = "TableRow", ["cells"] = array };
    }

    /// <summary>Teams drops citation pills inside tables: a cell never carries an [n] marker.</summary>
    internal static string StripMarkers(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s*\[\d+\]", string.Empty).Trim();

    private static JsonObject Small(string text) => new() { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true, ["size"] = "Small", ["isSubtle"] = true };
}
