using System.Globalization;
using System.Text;
using System.Text.Json;

namespace StrategyAssistant.Stores;

/// <summary>Feedback written out as JSON Lines (one entry per line, as stored) or CSV (UTF-8 with BOM for spreadsheets;
/// cells that a spreadsheet would run as a formula are prefixed with an apostrophe).</summary>
public static class FeedbackExport
{
    private static readonly string[] s_columns =
        ["received_at", "reaction", "text", "conversation_id", "activity_id", "reply_to_id", "matched_by", "question", "answer", "citations"];

    public static string ToJsonLines(IEnumerable<FeedbackEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var sb = new StringBuilder();
        foreach (FeedbackEntry entry in entries)
        {
            sb.Append(JsonSerializer.Serialize(entry, StoreJson.Options)).Append('\n');
        }

        return sb.ToString();
    }

    public static string ToCsv(IEnumerable<FeedbackEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var sb = new StringBuilder();
        AppendRow(sb, s_columns);
        foreach (FeedbackEntry e in entries)
        {
            string citations = string.Join(" / ", e.Citations.Select(c => $"[{c.Position}] {c.Title} {c.File}:{c.Line}"));
            AppendRow(sb, [e.ReceivedAt.ToString("O", CultureInfo.InvariantCulture), e.Reaction, e.Text, e.ConversationId, e.ActivityId, e.ReplyToId, e.MatchedBy, e.Question, e.Answer, citations]);
        }

        return sb.ToString();
    }

    private static void AppendRow(StringBuilder sb, IEnumerable<string?> cells)
    {
        bool first = true;
        foreach (string? cell in cells)
        {
            if (!first)
            {
                sb.Append(',');
            }

            first = false;
            string value = cell ?? string.Empty;
            if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            {
                value = "'" + value;
            }

            if (value.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                sb.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                sb.Append(value);
            }
        }

        sb.Append("\r\n");
    }
}
