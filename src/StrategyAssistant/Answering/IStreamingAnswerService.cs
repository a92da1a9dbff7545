namespace StrategyAssistant.Answering;

/// <summary>A piece of a streamed answer: text as it arrives, and at the end the checked answer (which may replace the
/// streamed text when it failed the grounding check).</summary>
public sealed record AnswerChunk(string? Text, Answer? Final);

/// <summary>Answers as a stream (the chat console in model mode). The last chunk always carries the final answer.</summary>
public interface IStreamingAnswerService
{
    IAsyncEnumerable<AnswerChunk> StreamAsync(string question, CancellationToken cancellationToken = default);
}
