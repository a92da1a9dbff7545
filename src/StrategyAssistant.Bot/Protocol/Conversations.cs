using StrategyAssistant.Answering;

namespace StrategyAssistant.Bot.Protocol;

/// <summary>Follow-ups in the bot's hosts (Teams per conversation id, the web chat per browser session).</summary>
public static class Conversations
{
    /// <summary>The question to answer: the user's own words when the conversation added nothing to them (so the answer
    /// repeats the question as typed), else the completed question (「その実績は？」 → 「〇〇市 移住者数 その実績は？」).</summary>
    public static string AskedAs(string typed, string resolved) =>
        string.Equals(QuestionText.Normalize(typed), resolved, StringComparison.Ordinal) ? typed : resolved;
}
