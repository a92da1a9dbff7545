using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace StrategyAssistant.Bot.Protocol;

/// <summary>What the background worker does for an accepted activity.</summary>
public enum BotWorkKind
{
    Answer,
    Welcome,
}

public sealed record BotWorkItem(BotWorkKind Kind, Activity Inbound, string? Question);

/// <summary>The bounded queue between the <c>/api/messages</c> endpoint (which acknowledges at once) and the worker.</summary>
public sealed class BotWorkQueue
{
    private readonly Channel<BotWorkItem> _channel;

    public BotWorkQueue(IOptions<BotOptions> options)
    {
        _channel = Channel.CreateBounded<BotWorkItem>(new BoundedChannelOptions(Math.Max(1, options.Value.QueueCapacity))
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = false,
            SingleWriter = false,
        });
    }

    public ChannelReader<BotWorkItem> Reader => _channel.Reader;

    /// <summary>False when the queue is full.</summary>
    public bool TryEnqueue(BotWorkItem item) => _channel.Writer.TryWrite(item);

    public void Complete() => _channel.Writer.TryComplete();
}
