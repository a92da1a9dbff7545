using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using StrategyAssistant.Answering;

namespace StrategyAssistant.Bot.Feedback;

/// <summary>A like / dislike given in Teams, with what was answered.</summary>
public sealed record FeedbackEntry
{
    public required DateTimeOffset ReceivedAt { get; init; }

    public required string Reaction { get; init; }

    public string? Text { get; init; }

    public string? ConversationId { get; init; }

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

/// <summary>Where feedback is kept.</summary>
public interface IFeedbackStore
{
    Task AppendAsync(FeedbackEntry entry, CancellationToken cancellationToken);
}

/// <summary>An append-only JSON Lines file: one entry per line, written whole and flushed under a lock.</summary>
public sealed class JsonlFeedbackStore : IFeedbackStore, IDisposable
{
    internal static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly SemaphoreSlim _lock = new(1, 1);

    public JsonlFeedbackStore(IOptions<BotOptions> options, IHostEnvironment environment)
    {
        string path = options.Value.FeedbackPath;
        FilePath = Path.IsPathRooted(path) ? path : Path.Combine(environment.ContentRootPath, path);
    }

    public string FilePath { get; }

    public async Task AppendAsync(FeedbackEntry entry, CancellationToken cancellationToken)
    {
        byte[] line = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(entry, JsonOptions) + "\n");
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            string? directory = Path.GetDirectoryName(FilePath);
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            var stream = new FileStream(FilePath, FileMode.Append, FileAccess.Write, FileShare.Read, 4096, FileOptions.Asynchronous);
            await using (stream.ConfigureAwait(false))
            {
                await stream.WriteAsync(line, cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Reads every entry back (for tests and reports).</summary>
    public static IReadOnlyList<FeedbackEntry> ReadAll(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        return [.. File.ReadLines(path, Encoding.UTF8).Where(l => l.Length > 0).Select(l => JsonSerializer.Deserialize<FeedbackEntry>(l, JsonOptions)!)];
    }

    public void Dispose() => _lock.Dispose();
}

/// <summary>The answers the bot sent, by (conversation, sent message id), so feedback can be stored with its question,
/// answer and citations. Bounded: the oldest are forgotten first.</summary>
public sealed class SentAnswerLog
{
    private readonly int _capacity;
    private readonly Dictionary<(string Conversation, string MessageId), Answer> _byMessage = [];
    private readonly Dictionary<string, Answer> _latestByConversation = new(StringComparer.Ordinal);
    private readonly Queue<(string, string)> _order = new();
    private readonly Lock _lock = new();

    public SentAnswerLog(int capacity = 10_000)
    {
        _capacity = capacity;
    }

    public void Record(string conversationId, string? messageId, Answer answer)
    {
        lock (_lock)
        {
            _latestByConversation[conversationId] = answer;
            if (string.IsNullOrEmpty(messageId))
            {
                return;
            }

            if (_byMessage.TryAdd((conversationId, messageId), answer))
            {
                _order.Enqueue((conversationId, messageId));
                while (_order.Count > _capacity)
                {
                    _byMessage.Remove(_order.Dequeue());
                }
            }
        }
    }

    public (Answer? Answer, string MatchedBy) Find(string? conversationId, string? messageId)
    {
        if (conversationId is null)
        {
            return (null, "unknown");
        }

        lock (_lock)
        {
            if (messageId is not null && _byMessage.TryGetValue((conversationId, messageId), out Answer? answer))
            {
                return (answer, "message-id");
            }

            return _latestByConversation.TryGetValue(conversationId, out answer) ? (answer, "conversation-latest") : (null, "unknown");
        }
    }

    /// <summary>Forgets a conversation (the bot was removed from it).</summary>
    public void Forget(string conversationId)
    {
        lock (_lock)
        {
            _latestByConversation.Remove(conversationId);
        }
    }
}
