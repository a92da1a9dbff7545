using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using StrategyAssistant.Documents;
using StrategyAssistant.Search;

namespace StrategyAssistant.Answering.Model;

/// <summary>The answer service the hosts use. Offline (the composer) unless a model endpoint is configured; then a chat model
/// writes the answer from the numbered sources and may call the <see cref="StrategyPlugin"/> functions. Every model answer is
/// grounding-checked; one that fails, times out or errors is replaced by the offline answer, with a short notice.</summary>
public sealed class ModelAnswerService : IAnswerService, IStreamingAnswerService, IDisposable
{
    public const string FallbackNotice = "言語モデルの回答を利用できなかったため、資料から直接組み立てた回答を表示しています。";

    private readonly AnswerService _offline;
    private readonly CorpusIndexProvider _corpus;
    private readonly PromptLibrary _prompts;
    private readonly ModelOptions _options;
    private readonly ILogger<ModelAnswerService> _logger;
    private readonly HttpClient? _http;

    public ModelAnswerService(AnswerService offline, CorpusIndexProvider corpus, PromptLibrary prompts, IOptions<ModelOptions> options, ILogger<ModelAnswerService> logger)
    {
        _offline = offline;
        _corpus = corpus;
        _prompts = prompts;
        _options = options.Value;
        _logger = logger;
        if (_options.IsConfigured)
        {
            var handler = new RetryHandler(_options.MaxRetries, TimeSpan.FromSeconds(_options.TimeoutSeconds)) { InnerHandler = new SocketsHttpHandler() };
            _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        }
    }

    public bool UsesModel => _http is not null;

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

    public void Dispose() => _http?.Dispose();

    private async IAsyncEnumerable<AnswerChunk> StreamAsync(string question, bool streaming, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Answer offline = await _offline.AnswerAsync(question, cancellationToken);
        if (_http is null || offline.Citations.Count == 0 && !offline.Found)
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
        Kernel kernel = CreateKernel(index, sources);
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

        var text = new StringBuilder();
        var stopwatch = Stopwatch.StartNew();
        IAsyncEnumerator<StreamingKernelContent>? stream = null;
        Exception? failure = null;
        try
        {
            if (streaming)
            {
                stream = kernel.InvokeStreamingAsync(_prompts.Answer, arguments, cancellationToken).GetAsyncEnumerator(cancellationToken);
            }
            else
            {
                FunctionResult result = await kernel.InvokeAsync(_prompts.Answer, arguments, cancellationToken);
                text.Append(result.GetValue<string>() ?? string.Empty);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            failure = ex;
        }

        if (stream is not null)
        {
            await using (stream)
            {
                while (failure is null)
                {
                    string? piece = null;
                    try
                    {
                        if (!await stream.MoveNextAsync())
                        {
                            break;
                        }

                        piece = stream.Current.ToString();
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                    {
                        failure = ex;
                    }

                    if (!string.IsNullOrEmpty(piece))
                    {
                        text.Append(piece);
                        yield return new AnswerChunk(piece, null);
                    }
                }
            }
        }

        if (failure is not null)
        {
            _logger.LogWarning(failure, "The model endpoint failed after {Elapsed} ms; answering offline.", stopwatch.ElapsedMilliseconds);
            yield return new AnswerChunk(null, offline with { Notes = [.. offline.Notes, FallbackNotice] });
            yield break;
        }

        string answerText = text.ToString().Trim();
        IReadOnlyList<Citation> cited = sources.Sources;
        GroundingResult grounding = GroundingCheck.Check(answerText, cited.Select(c => c.Quote), question);
        if (answerText.Length == 0 || !grounding.Grounded)
        {
            _logger.LogWarning("The model's answer was rejected by the grounding check (untraced: {Untraced}); answering offline. Answer: {Answer}",
                string.Join(", ", grounding.Untraced), answerText);
            yield return new AnswerChunk(null, offline with { Notes = [.. offline.Notes, FallbackNotice] });
            yield break;
        }

        _logger.LogInformation("The model answered in {Elapsed} ms with {Sources} sources.", stopwatch.ElapsedMilliseconds, cited.Count);
        yield return new AnswerChunk(null, offline with
        {
            Text = answerText,
            Citations = cited,
            Mode = AnswerMode.Model,
            Found = !answerText.Contains(OfflineComposer.NotFoundText, StringComparison.Ordinal),
        });
    }

    private Kernel CreateKernel(CorpusIndex index, SourceRegistry sources)
    {
        IKernelBuilder builder = Kernel.CreateBuilder();
        builder.AddOpenAIChatCompletion(_options.ModelId!, new Uri(_options.Endpoint!), string.IsNullOrEmpty(_options.ApiKey) ? "none" : _options.ApiKey, httpClient: _http);
        Kernel kernel = builder.Build();
        kernel.Plugins.AddFromObject(new StrategyPlugin(index, sources), "strategy");
        return kernel;
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
}
