using System.Collections.Concurrent;
using StrategyAssistant.Answering;

namespace StrategyAssistant.Stores;

/// <summary>Conversation state per conversation id (a Teams conversation, a web-chat browser session, a console chat).</summary>
public interface IConversationStore
{
    Task<ConversationState> GetAsync(string conversationId, CancellationToken cancellationToken = default);

    Task SetAsync(string conversationId, ConversationState state, CancellationToken cancellationToken = default);
}

/// <summary>Conversation state in this process's memory: the default for a single instance.</summary>
public sealed class InMemoryConversationStore : IConversationStore
{
    private readonly ConcurrentDictionary<string, ConversationState> _states = new(StringComparer.Ordinal);

    public Task<ConversationState> GetAsync(string conversationId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_states.GetValueOrDefault(conversationId) ?? ConversationState.Empty);

    public Task SetAsync(string conversationId, ConversationState state, CancellationToken cancellationToken = default)
    {
        _states[conversationId] = state;
        return Task.CompletedTask;
    }
}
