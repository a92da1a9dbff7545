namespace StrategyAssistant.Answering;

/// <summary>The offline answer as a stream of one chunk, what the model service streams when no model is configured (the
/// registration uses this then, so an offline host loads no model client).</summary>
public sealed class OfflineStreamingAnswerService : IStreamingAnswerService
{
    private readonly IAnswerService _offline;

    public OfflineStreamingAnswerService(IAnswerService offline) => _offline = offline;

    public async IAsyncEnumerable<AnswerChunk> StreamAsync(string question, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        yield return new AnswerChunk(null, await _offline.AnswerAsync(question, cancellationToken));
    }
}
