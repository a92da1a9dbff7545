namespace StrategyAssistant.Answering;

/// <summary>What a conversation carries from one question to the next: the previous question as it was resolved
/// (with the subject it inherited). Small and serialisable, so any host can keep it per conversation id in a store.</summary>
/// <param name="Subject">The previous resolved question, or null at the start of a conversation.</param>
public sealed record ConversationState(string? Subject)
{
    public static ConversationState Empty { get; } = new((string?)null);
}
