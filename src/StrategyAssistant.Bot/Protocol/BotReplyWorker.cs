using Microsoft.Extensions.Options;
using StrategyAssistant.Answering;
using StrategyAssistant.Bot.Connector;
using StrategyAssistant.Bot.Feedback;
using StrategyAssistant.Bot.Replies;
using StrategyAssistant.Hosting;
using StrategyAssistant.Search;
using StrategyAssistant.Stores;
using Activity = StrategyAssistant.Bot.Protocol.Activity;
using DiagnosticActivity = System.Diagnostics.Activity;

namespace StrategyAssistant.Bot.Protocol;

/// <summary>Answers queued activities in the background: typing first (repeated while the answer is composed), then the reply.</summary>
public sealed partial class BotReplyWorker : BackgroundService
{
    private readonly BotWorkQueue _queue;
    private readonly IServiceScopeFactory _scopes;
    private readonly IConnectorClient _connector;
    private readonly SentAnswerLog _sent;
    private readonly IActivityLog _activities;
    private readonly IConversationStore _conversations;
    private readonly BotOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<BotReplyWorker> _logger;

    public BotReplyWorker(BotWorkQueue queue, IServiceScopeFactory scopes, IConnectorClient connector, SentAnswerLog sent, IActivityLog activities, IConversationStore conversations, IOptions<BotOptions> options, TimeProvider time, ILogger<BotReplyWorker> logger)
    {
        _queue = queue;
        _scopes = scopes;
        _connector = connector;
        _sent = sent;
        _activities = activities;
        _conversations = conversations;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, _options.EffectiveWorkers).Select(_ => Task.Run(() => RunAsync(stoppingToken), stoppingToken)));

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (BotWorkItem item in _queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    await ProcessAsync(item, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
#pragma warning disable CA1031 // One failed turn must not stop the worker.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    LogTurnFailed(_logger, ex, item.Inbound.Conversation?.Id, item.Inbound.Id);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    internal async Task ProcessAsync(BotWorkItem item, CancellationToken cancellationToken)
    {
        string? conversationId = item.Inbound.Conversation?.Id;
        string? activityId = item.Inbound.Id is { Length: > 0 } id ? id : null;
        try
        {
            switch (item.Kind)
            {
                case BotWorkKind.Welcome:
                    await SendAsync(ReplyBuilder.Welcome(item.Inbound, _options.EffectiveExampleQuestions), cancellationToken).ConfigureAwait(false);
                    break;
                case BotWorkKind.Answer:
                    await AnswerAsync(item.Inbound, item.Question ?? string.Empty, cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
        catch when (conversationId is not null && activityId is not null)
        {
            // Not handled: release the claim so a re-delivery (to any instance) is processed.
            await _activities.AbandonAsync(conversationId, activityId, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        if (conversationId is not null && activityId is not null)
        {
            await _activities.CompleteAsync(conversationId, activityId, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task AnswerAsync(Activity inbound, string question, CancellationToken cancellationToken)
    {
        await SendTypingAsync(inbound, cancellationToken).ConfigureAwait(false);

        Answer? answer = null;
        IReadOnlyList<Records.ProjectRecord>? projects = null;
        string conversationId = inbound.Conversation!.Id!;
        ConversationState? next = null;
        using var answered = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task typing = RepeatTypingAsync(inbound, answered.Token);
        using DiagnosticActivity? span = Telemetry.Source.StartActivity(Telemetry.Spans.Answer);
        long started = _time.GetTimestamp();
        try
        {
            await using AsyncServiceScope scope = _scopes.CreateAsyncScope();
            IAnswerService answers = scope.ServiceProvider.GetRequiredService<IAnswerService>();
            // The conversation's state is in the shared store, so a follow-up may reach any instance.
            CorpusIndex index = await scope.ServiceProvider.GetRequiredService<CorpusIndexProvider>().GetAsync(cancellationToken).ConfigureAwait(false);
            ConversationState state = await _conversations.GetAsync(conversationId, cancellationToken).ConfigureAwait(false);
            (string resolved, next) = new Conversation(index.Knowledge.Corpus.Cities).Resolve(state, question);
            // A question that needed nothing from the previous one is answered as the user wrote it.
            answer = await answers.AnswerAsync(resolved == QuestionText.Normalize(question) ? question : resolved, cancellationToken).ConfigureAwait(false);
            projects = [.. index.Knowledge.ProjectsFrom(answer.Citations.Select(c => c.File))];
            Telemetry.RecordAnswer("teams", _time.GetElapsedTime(started), answer.Found, answer.Mode == AnswerMode.Model);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // The user gets an apology instead of silence.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogAnswerFailed(_logger, ex, question);
        }
        finally
        {
            await answered.CancelAsync().ConfigureAwait(false);
            await typing.ConfigureAwait(false);
        }

        if (answer is null)
        {
            await SendAsync(ReplyBuilder.Text(inbound, "申し訳ありません。回答の作成中にエラーが発生しました。しばらくしてからもう一度お試しください。"), cancellationToken).ConfigureAwait(false);
            return;
        }

        // The answer's own id travels in the card's feedback buttons, so feedback finds this answer without a replyToId.
        string answerId = Guid.NewGuid().ToString("N");
        _sent.Record(conversationId, MessagesEndpoint.AnswerKey(answerId), answer);
        Activity reply = ReplyBuilder.Answer(inbound, answer, _options.MaxReplyBytes, new ReplyContext(answerId, _options.PublicBaseUri, projects));
        // The subject is stored before the reply goes out: a user who answers the reply at once must find it.
        if (next is not null)
        {
            await _conversations.SetAsync(conversationId, next, cancellationToken).ConfigureAwait(false);
        }

        ResourceResponse sent = await SendAsync(reply, cancellationToken).ConfigureAwait(false);
        _sent.Record(conversationId, sent.Id, answer);

        LogAnswered(_logger, inbound.Conversation.Id, inbound.Id, sent.Id, answer.Citations.Count);
    }

    private async Task<ResourceResponse> SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        using DiagnosticActivity? span = Telemetry.Source.StartActivity(Telemetry.Spans.ConnectorSend);
        span?.SetTag("activity.type", activity.Type);
        return await _connector.SendAsync(activity, cancellationToken).ConfigureAwait(false);
    }

    private async Task SendTypingAsync(Activity inbound, CancellationToken cancellationToken)
    {
        try
        {
            await SendAsync(ReplyBuilder.Typing(inbound), cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectorException ex)
        {
            LogTypingFailed(_logger, ex.Message);
        }
    }

    private async Task RepeatTypingAsync(Activity inbound, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(_options.TypingInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
            {
                await SendTypingAsync(inbound, stop).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Turn failed for conversation {Conversation} activity {Activity}")]
    private static partial void LogTurnFailed(ILogger logger, Exception ex, string? conversation, string? activity);

    [LoggerMessage(Level = LogLevel.Error, Message = "The answer service failed for question {Question}")]
    private static partial void LogAnswerFailed(ILogger logger, Exception ex, string question);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Typing indicator not sent: {Error}")]
    private static partial void LogTypingFailed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Answered conversation {Conversation} activity {Activity} with message {MessageId} ({Citations} citations)")]
    private static partial void LogAnswered(ILogger logger, string? conversation, string? activity, string? messageId, int citations);
}
