using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using StrategyAssistant.Answering.Grounding;
using StrategyAssistant.Documents;
using StrategyAssistant.Search;

namespace StrategyAssistant.Answering.Model;

/// <summary>The answer service the hosts use. Offline (the composer) unless a model endpoint is configured; then a chat model
/// writes the answer from the numbered sources and may call the <see cref="StrategyPlugin"/> functions. Every model answer is
/// checked claim by claim (<see cref="GroundingCheck"/>) before any of it is shown: a stream shows a sentence only once it is
/// verified. An answer with an unsupported claim, or one that fails, errors or misses its deadline
/// (<see cref="ModelOptions.DeadlineSeconds"/>, headers and body, all retries) is replaced by the offline answer with a notice;
/// the rejected text goes to the log only.</summary>
public sealed partial class ModelAnswerService : IAnswerService, IStreamingAnswerService
{
    public const string FallbackNotice = "言語モデルの回答を利用できなかったため、資料から直接組み立てた回答を表示しています。";

    private readonly AnswerService _offline;
    private readonly CorpusIndexProvider _corpus;
    private readonly PromptLibrary _prompts;
    private readonly ModelKernel _kernel;
    private readonly ModelOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<ModelAnswerService> _logger;

    public ModelAnswerService(AnswerService offline, CorpusIndexProvider corpus, PromptLibrary prompts, ModelKernel kernel, IOptions<ModelOptions> options, TimeProvider time, ILogger<ModelAnswerService> logger)
    {
        _offline = offline;
        _corpus = corpus;
        _prompts = prompts;
        _kernel = kernel;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    public bool UsesModel => _kernel.IsConfigured;

    public async Task<Answer> AnswerAsync(string question, CancellationToken cancellationToken = default)
    {
        Answer? final = null;
        await foreach (AnswerChunk chunk in StreamAsync(question, streaming: false, cancellationToken))
        {
            final = chunk.Final ?? final;
        }

        return final!;
    }

    public IAsyncEnumerable<AnswerChunk> StreamAsync(string question, CancellationToken cancellationToken = default) =>
        StreamAsync(question, streaming: true, cancellationToken);

    private async IAsyncEnumerable<AnswerChunk> StreamAsync(string question, bool streaming, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Answer offline = await _offline.AnswerAsync(question, cancellationToken);
        if (!_kernel.IsConfigured || offline.Citations.Count == 0 && !offline.Found)
        {
            // Offline mode, or a question the service refused (empty, too long) or the documents cannot answer.
            yield return new AnswerChunk(null, offline);
            yield break;
        }

        var sources = new SourceRegistry();
        foreach (Citation citation in offline.Citations)
        {
            sources.Register(citation);
        }

        CorpusIndex index = await _corpus.GetAsync(cancellationToken);
        Kernel kernel = _kernel.Kernel!.Clone();
        kernel.Plugins.AddFromObject(new StrategyPlugin(index, sources), "strategy");
        var arguments = new KernelArguments(new OpenAIPromptExecutionSettings
        {
            FunctionChoiceBehavior = FunctionChoiceBehavior.Auto(),
            Temperature = 0,
        })
        {
            ["question"] = QuestionText.Normalize(question),
            ["sources"] = Describe(sources.Sources),
            ["draft"] = offline.Text,
        };

        // One deadline for the whole answer: connection, headers, body, tool round trips and every retry.
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(_options.DeadlineSeconds), _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        CancellationToken token = linked.Token;
        long started = _time.GetTimestamp();
        using Activity? span = StartModelCallSpan(streaming, sources.Sources.Count);
        var pieces = new ModelText(streaming);
        GroundingSession? session = null;
        Exception? failure = null;
        string rejected = string.Empty;
        await using (var reader = new ModelReader(kernel, _prompts.Answer, arguments, streaming, token))
        {
            while (failure is null)
            {
                string? piece = null;
                bool more;
                try
                {
                    (more, piece) = await reader.NextAsync();
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                {
                    failure = deadline.IsCancellationRequested ? new TimeoutException($"The model did not finish within {_options.DeadlineSeconds} s.", ex) : ex;
                    break;
                }

                if (piece is not null)
                {
                    pieces.Append(piece);
                }

                // Each complete sentence is checked before it is shown; the first unsupported one ends the model answer.
                session ??= new GroundingSession(GroundingSources.Create(sources.Sources, index.Knowledge), question);
                foreach (string sentence in pieces.TakeSentences(final: !more))
                {
                    string? shown = session.Add(sentence);
                    if (shown is null)
                    {
                        rejected = pieces.All;
                        failure = new GroundingException(session.Result.Untraced);
                        break;
                    }

                    if (streaming && shown.Length > 0)
                    {
                        yield return new AnswerChunk(shown, null);
                    }
                }

                if (!more)
                {
                    break;
                }
            }
        }

        long elapsed = (long)_time.GetElapsedTime(started).TotalMilliseconds;
        GroundingResult? result = session?.Result;
        if (failure is null && (result is null || result.Text.Length == 0))
        {
            rejected = pieces.All;
            failure = new GroundingException(["（空の回答）"]);
        }

        if (failure is not null)
        {
            span?.SetTag("strategy_assistant.outcome", failure is GroundingException ? "rejected" : "failed");
            span?.SetStatus(ActivityStatusCode.Error, failure is GroundingException ? "grounding" : failure.GetType().Name);
            span?.Dispose();
            if (failure is GroundingException grounding)
            {
                LogRejected(_logger, string.Join(", ", grounding.Untraced), rejected, elapsed);
            }
            else
            {
                LogFailed(_logger, failure, elapsed);
            }

            yield return new AnswerChunk(null, offline with { Notes = [.. offline.Notes, FallbackNotice] });
            yield break;
        }

        if (result!.Removed.Count > 0)
        {
            LogRemoved(_logger, string.Join(" | ", result.Removed));
        }

        IReadOnlyList<Citation> cited = sources.Sources;
        span?.SetTag("strategy_assistant.outcome", "model");
        span?.SetTag("strategy_assistant.sources", cited.Count);
        span?.Dispose();
        LogAnswered(_logger, elapsed, cited.Count);
        yield return new AnswerChunk(null, offline with
        {
            Text = result.Text,
            Citations = cited,
            Mode = AnswerMode.Model,
            Found = !result.Text.Contains(OfflineComposer.NotFoundText, StringComparison.Ordinal),
        });
    }

    /// <summary>The model-call span (OpenTelemetry's gen_ai attribute names where they exist): one per model answer, the
    /// endpoint's HTTP spans beneath it; its outcome says whether the answer was shown, rejected by grounding or failed.</summary>
    private Activity? StartModelCallSpan(bool streaming, int sources)
    {
        Activity? span = Hosting.Telemetry.Source.StartActivity(Hosting.Telemetry.Spans.ModelCall, ActivityKind.Client);
        if (span is { IsAllDataRequested: true })
        {
            span.SetTag("gen_ai.operation.name", "chat");
            span.SetTag("gen_ai.system", string.IsNullOrEmpty(_options.Provider) ? "openai" : _options.Provider.ToLowerInvariant());
            span.SetTag("gen_ai.request.model", _options.Deployment ?? _options.ModelId);
            span.SetTag("strategy_assistant.streaming", streaming);
            span.SetTag("strategy_assistant.offered_sources", sources);
        }

        return span;
    }

    private static string Describe(IReadOnlyList<Citation> sources)
    {
        var builder = new StringBuilder();
        for (int i = 0; i < sources.Count; i++)
        {
            Citation c = sources[i];
            builder.Append('[').Append(i + 1).Append("] ").Append(c.City).Append(" / ").Append(c.Title).Append(" / ").Append(c.File)
                .Append(' ').Append(c.Line).Append('–').Append(c.LineEnd).Append("行: ").AppendLine(c.Quote.Replace('\n', ' ').Replace('\t', ' '));
        }

        return builder.ToString();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The model's answer was rejected by the grounding check (unsupported: {Untraced}) after {Elapsed} ms; answering offline. Rejected text: {Rejected}")]
    private static partial void LogRejected(ILogger logger, string untraced, string rejected, long elapsed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The model endpoint failed after {Elapsed} ms; answering offline.")]
    private static partial void LogFailed(ILogger logger, Exception exception, long elapsed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sentences removed from the model's answer (URLs or instructions not in the sources): {Removed}")]
    private static partial void LogRemoved(ILogger logger, string removed);

    [LoggerMessage(Level = LogLevel.Information, Message = "The model answered in {Elapsed} ms with {Sources} sources.")]
    private static partial void LogAnswered(ILogger logger, long elapsed, int sources);

    /// <summary>An answer with a claim no source supports.</summary>
    private sealed class GroundingException(IReadOnlyList<string> untraced) : Exception("The answer has unsupported claims.")
    {
        public IReadOnlyList<string> Untraced { get; } = untraced;
    }
}
