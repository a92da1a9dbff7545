namespace StrategyAssistant.Stores;

/// <summary>A like / dislike given on an answer, with what was answered.</summary>
public sealed record FeedbackEntry
{
    public required DateTimeOffset ReceivedAt { get; init; }

    public required string Reaction { get; init; }

    public string? Text { get; init; }

    public string? ConversationId { get; init; }

    /// <summary>The id of the activity that carried the feedback: with the conversation, what makes a re-delivery a duplicate.</summary>
    public string? ActivityId { get; init; }

    public string? ReplyToId { get; init; }

    public string? UserAadObjectId { get; init; }

    public string? TenantId { get; init; }

    /// <summary>How the answer was found: <c>message-id</c>, <c>conversation-latest</c> or <c>unknown</c>.</summary>
    public required string MatchedBy { get; init; }

    public string? Question { get; init; }

    public string? Answer { get; init; }

    public IReadOnlyList<FeedbackCitation> Citations { get; init; } = [];
}

public sealed record FeedbackCitation(int Position, string File, string Title, string City, int Line, int LineEnd, string Quote);

/// <summary>Where feedback is kept. Appending is idempotent per (conversation, activity id), so a re-delivered feedback
/// activity is stored once whichever instance receives it.</summary>
public interface IFeedbackStore
{
    /// <summary>Stores the entry durably before returning. False when an entry for the same conversation and activity id is
    /// already stored. Throws when it could not be stored (the caller answers 5xx so the channel re-delivers).</summary>
    Task<bool> AppendAsync(FeedbackEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Every entry, oldest first.</summary>
    IAsyncEnumerable<FeedbackEntry> ReadAllAsync(CancellationToken cancellationToken = default);
}
