using System.Data.Common;
using System.Net;
using System.Text.Json.Nodes;
using StrategyAssistant.Answering;
using StrategyAssistant.Bot.Tests.Infrastructure;
using StrategyAssistant.Search;
using StrategyAssistant.Stores;

namespace StrategyAssistant.Bot.Tests.Stores;

/// <summary>Two real bot hosts behind one (imagined) load balancer, sharing one real PostgreSQL 15.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class TwoInstancesTests : IAsyncLifetime
{
    private const string Question = "芦別市の移住者数の目標は？";
    private readonly PostgreSqlServer _server;
    private FakeIdentity _identity = null!;
    private FakeConnector _connector = null!;
    private BotTestHost _a = null!;
    private BotTestHost _b = null!;

    public TwoInstancesTests(PostgreSqlServer server)
    {
        _server = server;
    }

    public async Task InitializeAsync()
    {
        _identity = await FakeIdentity.StartAsync();
        _connector = await FakeConnector.StartAsync();
        string database = await _server.CreateDatabaseAsync();
        Dictionary<string, string?> settings = BotTestHost.AuthenticatedSettings(_identity);
        settings["Stores:Provider"] = "postgresql";
        settings["Stores:ConnectionString"] = database;
        BotTestHost[] hosts = await Task.WhenAll(BotTestHost.StartAsync(settings, identity: _identity), BotTestHost.StartAsync(settings, identity: _identity));
        (_a, _b) = (hosts[0], hosts[1]);
    }

    private string Token() => _identity.CreateToken(BotTestHost.AppId, _connector.ServiceUrl);

    private static string NewConversation() => "a:personal-" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task An_activity_delivered_to_one_instance_and_redelivered_to_the_other_is_answered_once()
    {
        string conversation = NewConversation();
        JsonObject message = Activities.Message(_connector.ServiceUrl, conversation, Question);
        using (HttpResponseMessage first = await Activities.PostAsync(_a.Client, message, Token()))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        await _connector.WaitForMessagesAsync(conversation);
        using (HttpResponseMessage again = await Activities.PostAsync(_b.Client, message, Token()))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }

        // Delivered to both at once (the channel timed out on the first): still one answer.
        string racing = NewConversation();
        JsonObject raced = Activities.Message(_connector.ServiceUrl, racing, Question);
        HttpResponseMessage[] both = await Task.WhenAll(Activities.PostAsync(_a.Client, raced, Token()), Activities.PostAsync(_b.Client, raced, Token()));
        Assert.All(both, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await _connector.WaitForMessagesAsync(racing);

        await Task.Delay(1500);
        Assert.Single(_connector.MessagesFor(conversation));
        Assert.Single(_connector.MessagesFor(racing));
        Assert.Contains("40人", (string)_connector.MessagesFor(conversation)[0].Body["text"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feedback_given_on_either_instance_is_stored_once()
    {
        string conversation = NewConversation();
        using HttpResponseMessage asked = await Activities.PostAsync(_a.Client, Activities.Message(_connector.ServiceUrl, conversation, Question), Token());
        await _connector.WaitForMessagesAsync(conversation);
        string sentId = _connector.MessagesFor(conversation).Single().ResponseId!;

        JsonObject feedback = Activities.Feedback(_connector.ServiceUrl, conversation, sentId, "like", "助かりました");
        foreach (BotTestHost host in new[] { _a, _b, _a })
        {
            using HttpResponseMessage response = await Activities.PostAsync(host.Client, feedback, Token());
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        FeedbackEntry entry = Assert.Single(await _b.FeedbackAsync(), e => e.ConversationId == conversation);
        Assert.Equal("like", entry.Reaction);
        Assert.Equal("助かりました", entry.Text);
        Assert.Equal(Question, entry.Question);
        Assert.Equal((string)feedback["id"]!, entry.ActivityId);
        Assert.Single(await _a.FeedbackAsync(), e => e.ConversationId == conversation);
    }

    [Fact]
    public async Task A_follow_up_sent_to_the_second_instance_continues_the_conversation_begun_on_the_first()
    {
        const string followUp = "砂川市は？";
        CorpusIndex index = await _b.Get<CorpusIndexProvider>().GetAsync();
        var conversationRules = new Conversation(index.Knowledge.Corpus.Cities);
        (_, ConversationState afterFirst) = conversationRules.Resolve(ConversationState.Empty, Question);
        (string resolved, _) = conversationRules.Resolve(afterFirst, followUp);
        IAnswerService answers = _b.Get<IAnswerService>();
        Answer expected = await answers.AnswerAsync(resolved);
        Answer alone = await answers.AnswerAsync(followUp);
        Assert.NotEqual(alone.Text, expected.Text);

        string conversation = NewConversation();
        using HttpResponseMessage first = await Activities.PostAsync(_a.Client, Activities.Message(_connector.ServiceUrl, conversation, Question), Token());
        await _connector.WaitForMessagesAsync(conversation);
        using HttpResponseMessage second = await Activities.PostAsync(_b.Client, Activities.Message(_connector.ServiceUrl, conversation, followUp), Token());
        await _connector.WaitForMessagesAsync(conversation, 2);

        string reply = (string)_connector.MessagesFor(conversation)[1].Body["text"]!;
        Assert.Equal(Replies.ReplyBuilder.MarkdownLineBreaks(expected.Text), reply);
    }

    [Fact]
    public async Task A_failed_feedback_write_answers_500_and_its_redelivery_to_the_other_instance_is_stored_exactly_once()
    {
        string conversation = NewConversation();
        JsonObject feedback = Activities.Feedback(_connector.ServiceUrl, conversation, "unknown-message", "dislike", "数字が違う");

        // The database refuses the write (as on a full disk or a lost connection): a real error from the real engine.
        await ExecuteAsync(_a, "ALTER TABLE sa_feedback ADD CONSTRAINT sa_test_refuse CHECK (reaction <> 'dislike') NOT VALID");
        using (HttpResponseMessage failed = await Activities.PostAsync(_a.Client, feedback, Token()))
        {
            Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        }

        Assert.DoesNotContain(await _a.FeedbackAsync(), e => e.ConversationId == conversation);
        await ExecuteAsync(_a, "ALTER TABLE sa_feedback DROP CONSTRAINT sa_test_refuse");
        foreach (BotTestHost host in new[] { _b, _a })
        {
            using HttpResponseMessage redelivered = await Activities.PostAsync(host.Client, feedback, Token());
            Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);
        }

        Assert.Equal("数字が違う", Assert.Single(await _a.FeedbackAsync(), e => e.ConversationId == conversation).Text);
    }

    internal static async Task ExecuteAsync(BotTestHost host, string sql)
    {
        await using DbConnection connection = await host.Get<StateDatabase>().OpenAsync();
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        await _connector.DisposeAsync();
        await _identity.DisposeAsync();
    }
}
