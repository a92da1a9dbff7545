using System.Net;
using System.Text.Json.Nodes;
using StrategyAssistant.Bot.Tests.Infrastructure;
using StrategyAssistant.Stores;

namespace StrategyAssistant.Bot.Tests.Stores;

/// <summary>The embedded default (SQLite under the content root): a failed feedback write is not acknowledged, and the
/// re-delivery is stored exactly once.</summary>
public sealed class SqliteFeedbackFailureTests : IClassFixture<AuthenticatedBotFixture>
{
    private readonly AuthenticatedBotFixture _f;

    public SqliteFeedbackFailureTests(AuthenticatedBotFixture fixture)
    {
        _f = fixture;
    }

    [Fact]
    public async Task The_first_write_fails_with_500_and_the_redelivery_is_stored_exactly_once()
    {
        Assert.Equal(StoreProvider.Sqlite, _f.Host.Get<StateDatabase>().Provider);
        Assert.StartsWith(_f.Host.ContentRoot, _f.Host.Get<StateDatabase>().Description, StringComparison.Ordinal);
        string conversation = "a:personal-" + Guid.NewGuid().ToString("N");
        JsonObject feedback = Activities.Feedback(_f.Connector.ServiceUrl, conversation, "unknown-message", "like", "ありがとう");

        await TwoInstancesTests.ExecuteAsync(_f.Host, "CREATE TRIGGER sa_test_refuse BEFORE INSERT ON sa_feedback BEGIN SELECT RAISE(ABORT, 'refused by the test'); END");
        using (HttpResponseMessage failed = await Activities.PostAsync(_f.Host.Client, feedback, _f.Token()))
        {
            Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        }

        Assert.DoesNotContain(await _f.Host.FeedbackAsync(), e => e.ConversationId == conversation);
        await TwoInstancesTests.ExecuteAsync(_f.Host, "DROP TRIGGER sa_test_refuse");
        for (int delivery = 0; delivery < 2; delivery++)
        {
            using HttpResponseMessage redelivered = await Activities.PostAsync(_f.Host.Client, feedback, _f.Token());
            Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);
        }

        Assert.Single(await _f.Host.FeedbackAsync(), e => e.ConversationId == conversation);
    }
}
