using System.Net;
using System.Text.Json.Nodes;
using StrategyAssistant.Stores;
using StrategyAssistant.Bot.Tests.Infrastructure;

namespace StrategyAssistant.Bot.Tests;

/// <summary>Teams-shaped activities posted over loopback to the real host, with real tokens from a test issuer; the
/// replies are read from a fake connector.</summary>
public sealed class MessagesEndToEndTests : IClassFixture<AuthenticatedBotFixture>
{
    private const string Question = "芦別市の移住者数の目標は？";
    private readonly AuthenticatedBotFixture _f;

    public MessagesEndToEndTests(AuthenticatedBotFixture fixture)
    {
        _f = fixture;
    }

    private static string NewConversation() => "a:personal-" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task Personal_message_gets_typing_then_a_cited_reply_with_card_entity_and_feedback()
    {
        string conversation = NewConversation();
        JsonObject inbound = Activities.Message(_f.Connector.ServiceUrl, conversation, Question);
        string activityId = (string)inbound["id"]!;

        using HttpResponseMessage response = await Activities.PostAsync(_f.Host.Client, inbound, _f.Token());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());

        await _f.Connector.WaitForMessagesAsync(conversation);
        IReadOnlyList<ReceivedActivity> received = _f.Connector.For(conversation);
        Assert.Equal("typing", received[0].Type);
        ReceivedActivity reply = received.Single(r => r.Type == "message");
        Assert.True(received.ToList().IndexOf(reply) > 0, "the typing activity comes first");

        // Addressed back: URL, replyToId, from/recipient swapped, same conversation.
        Assert.Equal($"/amer/v3/conversations/{conversation}/activities/{activityId}", reply.Path);
        Assert.Equal(activityId, reply.ReplyToId);
        Assert.Equal(Activities.BotId, (string?)reply.Body["from"]?["id"]);
        Assert.Equal(Activities.UserId, (string?)reply.Body["recipient"]?["id"]);
        Assert.Equal(conversation, reply.ConversationId);

        // The outbound token came from the client-credentials flow.
        Assert.Equal("Bearer " + FakeIdentity.OutboundAccessToken, reply.Authorization);
        Assert.Equal("Bearer " + FakeIdentity.OutboundAccessToken, received[0].Authorization);
        IReadOnlyDictionary<string, string> tokenRequest = _f.Identity.TokenRequests.First();
        Assert.Equal("client_credentials", tokenRequest["grant_type"]);
        Assert.Equal(BotTestHost.AppId, tokenRequest["client_id"]);
        Assert.Equal("https://api.botframework.com/.default", tokenRequest["scope"]);
        Assert.Equal(BotTestHost.BotTenant, tokenRequest["tenant"]);

        string text = (string)reply.Body["text"]!;
        Assert.Contains("40人", text, StringComparison.Ordinal);
        Assert.Contains("[1]", text, StringComparison.Ordinal);

        JsonObject card = Assert.IsType<JsonObject>(reply.Body["attachments"]?[0]?["content"]);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)reply.Body["attachments"]![0]!["contentType"]);
        Assert.Equal("AdaptiveCard", (string?)card["type"]);
        Assert.Equal("1.5", (string?)card["version"]);
        // The figures table holds every figure of the real answer (indicator, baseline, target, actual, with years).
        StrategyAssistant.Answering.Answer expected = await _f.Host.Get<StrategyAssistant.Answering.IAnswerService>().AnswerAsync(Question);
        JsonObject? table = card["body"]!.AsArray().OfType<JsonObject>().SingleOrDefault(e => (string?)e["type"] == "Table");
        if (expected.Figures.Count > 0)
        {
            Assert.NotNull(table);
            string tableText = Json.Text(table);
            foreach (string header in new[] { "指標", "基準値", "目標値", "実績値" })
            {
                Assert.Contains(header, tableText, StringComparison.Ordinal);
            }

            Assert.All(expected.Figures, f => Assert.Contains(Replies.FigureTable.FormatCell(f), tableText, StringComparison.Ordinal));
            Assert.DoesNotContain("人人", tableText, StringComparison.Ordinal);
        }
        else
        {
            Assert.Null(table);
        }

        // The sources: every citation's title and line reference.
        string cardText = Json.Text(card);
        Assert.All(expected.Citations, c => Assert.Contains(Replies.ReplyBuilder.LineRef(c), cardText, StringComparison.Ordinal));
        Assert.Contains("出典", Json.Text(card), StringComparison.Ordinal);

        JsonArray entities = reply.Body["entities"]!.AsArray();
        JsonObject message = Assert.Single(entities.OfType<JsonObject>(), e => (string?)e["type"] == "https://schema.org/Message");
        Assert.Single(entities);
        Assert.Equal("Message", (string?)message["@type"]);
        Assert.Equal("AIGeneratedContent", (string?)message["additionalType"]![0]);
        JsonArray citations = message["citation"]!.AsArray();
        Assert.NotEmpty(citations);
        Assert.All(citations.OfType<JsonObject>(), c =>
        {
            Assert.Equal("Claim", (string?)c["@type"]);
            string name = (string)c["appearance"]!["name"]!;
            string summary = (string)c["appearance"]!["abstract"]!;
            Assert.InRange(name.Length, 1, 80);
            Assert.InRange(summary.Length, 1, 160);
            Assert.Contains($"[{(int)c["position"]!}]", text, StringComparison.Ordinal);
        });
        Assert.Contains("芦別市", Json.Text(citations), StringComparison.Ordinal);

        Assert.True((bool)reply.Body["channelData"]!["feedbackLoopEnabled"]!);
        Assert.Null(reply.Body["channelData"]!["feedbackLoop"]);
        Assert.True(reply.ByteLength < 80 * 1024);
    }

    [Fact]
    public async Task Channel_mention_is_stripped_and_the_thread_id_is_escaped_in_the_reply_url()
    {
        JsonObject inbound = Activities.ChannelMention(_f.Connector.ServiceUrl, Question, out string conversation);
        using HttpResponseMessage response = await Activities.PostAsync(_f.Host.Client, inbound, _f.Token());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        await _f.Connector.WaitForMessagesAsync(conversation);
        ReceivedActivity reply = _f.Connector.MessagesFor(conversation).Single();
        Assert.Contains("40人", (string)reply.Body["text"]!, StringComparison.Ordinal);
        Assert.Contains(Uri.EscapeDataString(conversation), reply.RawTarget, StringComparison.Ordinal);
        Assert.Equal(Question, (string?)reply.Body["attachments"]![0]!["content"]!["body"]![0]!["text"]);
    }

    [Fact]
    public async Task A_redelivered_activity_is_answered_once()
    {
        string conversation = NewConversation();
        JsonObject inbound = Activities.Message(_f.Connector.ServiceUrl, conversation, Question);
        string body = Json.Text(inbound);

        // Teams re-delivers the same activity when the first delivery looked slow: twice at once, then again later.
        HttpResponseMessage[] first = await Task.WhenAll(Activities.PostAsync(_f.Host.Client, body, _f.Token()), Activities.PostAsync(_f.Host.Client, body, _f.Token()));
        Assert.All(first, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await _f.Connector.WaitForMessagesAsync(conversation);
        using HttpResponseMessage again = await Activities.PostAsync(_f.Host.Client, body, _f.Token());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);

        // A later, different activity in the same conversation is answered; by then a duplicate would have been too.
        JsonObject next = Activities.Message(_f.Connector.ServiceUrl, conversation, Question);
        using HttpResponseMessage nextResponse = await Activities.PostAsync(_f.Host.Client, next, _f.Token());
        await _f.Connector.WaitForMessagesAsync(conversation, 2);
        await Task.Delay(300);

        IReadOnlyList<ReceivedActivity> messages = _f.Connector.MessagesFor(conversation);
        Assert.Single(messages, m => m.ReplyToId == (string)inbound["id"]!);
        Assert.Single(messages, m => m.ReplyToId == (string)next["id"]!);
        Assert.Equal(2, messages.Count);
        foreach (HttpResponseMessage r in first)
        {
            r.Dispose();
        }
    }

    [Fact]
    public async Task A_tenant_outside_AllowedTenants_gets_200_and_no_answer()
    {
        string refused = NewConversation();
        JsonObject outsider = Activities.Message(_f.Connector.ServiceUrl, refused, Question, tenant: "11111111-2222-3333-4444-555555555555");
        using HttpResponseMessage response = await Activities.PostAsync(_f.Host.Client, outsider, _f.Token());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // An allowed tenant posted afterwards is answered, so the refused one would have been by now.
        string allowed = NewConversation();
        using HttpResponseMessage ok = await Activities.PostAsync(_f.Host.Client, Activities.Message(_f.Connector.ServiceUrl, allowed, Question), _f.Token());
        await _f.Connector.WaitForMessagesAsync(allowed);
        await Task.Delay(300);
        Assert.Empty(_f.Connector.For(refused));
    }

    [Fact]
    public async Task Bot_added_gets_a_welcome_with_example_questions_and_a_user_added_gets_nothing()
    {
        string conversation = NewConversation();
        using HttpResponseMessage response = await Activities.PostAsync(_f.Host.Client, Activities.BotAdded(_f.Connector.ServiceUrl, conversation), _f.Token());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await _f.Connector.WaitForMessagesAsync(conversation);
        ReceivedActivity welcome = _f.Connector.MessagesFor(conversation).Single();
        Assert.Contains("芦別市の移住者数の目標は？", (string)welcome.Body["text"]!, StringComparison.Ordinal);
        JsonArray actions = welcome.Body["attachments"]![0]!["content"]!["actions"]!.AsArray();
        Assert.Contains(actions, a => (string?)a!["data"]!["question"] == "芦別市の移住者数の目標は？");

        string other = NewConversation();
        using HttpResponseMessage userOnly = await Activities.PostAsync(_f.Host.Client, Activities.BotAdded(_f.Connector.ServiceUrl, other, includeBot: false), _f.Token());
        Assert.Equal(HttpStatusCode.OK, userOnly.StatusCode);
        string probe = NewConversation();
        using HttpResponseMessage probeResponse = await Activities.PostAsync(_f.Host.Client, Activities.Message(_f.Connector.ServiceUrl, probe, Question), _f.Token());
        await _f.Connector.WaitForMessagesAsync(probe);
        await Task.Delay(200);
        Assert.Empty(_f.Connector.For(other));
    }

    [Fact]
    public async Task An_Action_Submit_from_the_welcome_card_is_answered()
    {
        string conversation = NewConversation();
        JsonObject submit = Activities.Message(_f.Connector.ServiceUrl, conversation, string.Empty);
        submit.Remove("text");
        submit["value"] = new JsonObject { ["question"] = Question };
        using HttpResponseMessage response = await Activities.PostAsync(_f.Host.Client, submit, _f.Token());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await _f.Connector.WaitForMessagesAsync(conversation);
        Assert.Contains("40人", (string)_f.Connector.MessagesFor(conversation).Single().Body["text"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feedback_is_stored_with_the_question_answer_and_citations()
    {
        string conversation = NewConversation();
        using HttpResponseMessage asked = await Activities.PostAsync(_f.Host.Client, Activities.Message(_f.Connector.ServiceUrl, conversation, Question), _f.Token());
        await _f.Connector.WaitForMessagesAsync(conversation);
        ReceivedActivity reply = _f.Connector.MessagesFor(conversation).Single();
        string sentId = reply.ResponseId!;

        JsonObject feedback = Activities.Feedback(_f.Connector.ServiceUrl, conversation, sentId, "dislike", "目標年度も知りたい");
        using HttpResponseMessage response = await Activities.PostAsync(_f.Host.Client, feedback, _f.Token());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());

        FeedbackEntry entry = Assert.Single(await _f.Host.FeedbackAsync(), e => e.ConversationId == conversation);
        Assert.Equal("dislike", entry.Reaction);
        Assert.Equal("目標年度も知りたい", entry.Text);
        Assert.Equal("message-id", entry.MatchedBy);
        Assert.Equal(Question, entry.Question);
        StrategyAssistant.Answering.Answer expected = await _f.Host.Get<StrategyAssistant.Answering.IAnswerService>().AnswerAsync(Question);
        Assert.Equal(expected.Text, entry.Answer);
        Assert.Equal(Replies.ReplyBuilder.MarkdownLineBreaks(expected.Text), (string)reply.Body["text"]!);
        Assert.NotEmpty(entry.Citations);
        Assert.Contains(entry.Citations, c => c.City == "芦別市" && c.Quote.Contains("40人", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unknown_activity_types_are_accepted_and_ignored_and_unknown_invokes_get_501()
    {
        string conversation = NewConversation();
        JsonObject future = Activities.Message(_f.Connector.ServiceUrl, conversation, Question);
        future["type"] = "someFutureEventType";
        using HttpResponseMessage response = await Activities.PostAsync(_f.Host.Client, future, _f.Token());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());

        JsonObject reaction = Activities.Message(_f.Connector.ServiceUrl, conversation, Question);
        reaction["type"] = "messageReaction";
        using HttpResponseMessage reactionResponse = await Activities.PostAsync(_f.Host.Client, reaction, _f.Token());
        Assert.Equal(HttpStatusCode.OK, reactionResponse.StatusCode);

        JsonObject invoke = Activities.Feedback(_f.Connector.ServiceUrl, conversation, "x", "like", "");
        invoke["name"] = "adaptiveCard/action";
        using HttpResponseMessage invokeResponse = await Activities.PostAsync(_f.Host.Client, invoke, _f.Token());
        Assert.Equal(HttpStatusCode.NotImplemented, invokeResponse.StatusCode);

        await Task.Delay(300);
        Assert.Empty(_f.Connector.For(conversation));
    }

    [Fact]
    public async Task Malformed_json_gets_400_and_a_missing_type_gets_400()
    {
        using HttpResponseMessage malformed = await Activities.PostAsync(_f.Host.Client, "{\"type\": \"message\", \"text\": ", _f.Token());
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);

        using HttpResponseMessage notAnObject = await Activities.PostAsync(_f.Host.Client, "[1,2,3]", _f.Token());
        Assert.Equal(HttpStatusCode.BadRequest, notAnObject.StatusCode);

        JsonObject untyped = Activities.Message(_f.Connector.ServiceUrl, NewConversation(), Question);
        untyped.Remove("type");
        using HttpResponseMessage noType = await Activities.PostAsync(_f.Host.Client, untyped, _f.Token());
        Assert.Equal(HttpStatusCode.BadRequest, noType.StatusCode);
    }

    [Fact]
    public async Task A_body_over_256_KB_gets_413()
    {
        JsonObject huge = Activities.Message(_f.Connector.ServiceUrl, NewConversation(), new string('あ', 90_000));
        string body = Json.Text(huge);
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(body) > 256 * 1024);
        using HttpResponseMessage response = await Activities.PostAsync(_f.Host.Client, body, _f.Token());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);

        // Just under the limit is accepted.
        JsonObject large = Activities.Message(_f.Connector.ServiceUrl, NewConversation(), new string('あ', 80_000));
        using HttpResponseMessage accepted = await Activities.PostAsync(_f.Host.Client, large, _f.Token());
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Fact]
    public async Task Get_on_api_messages_is_405()
    {
        using HttpResponseMessage response = await _f.Host.Client.GetAsync(new Uri("api/messages", UriKind.Relative));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task Feedback_on_an_unknown_message_id_falls_back_to_the_conversation_latest_answer_and_a_removed_bot_forgets_it()
    {
        string conversation = NewConversation();
        using HttpResponseMessage asked = await Activities.PostAsync(_f.Host.Client, Activities.Message(_f.Connector.ServiceUrl, conversation, Question), _f.Token());
        await _f.Connector.WaitForMessagesAsync(conversation);

        // Teams may split text and card into two messages, so the id it reports can differ from the one the connector returned.
        using HttpResponseMessage liked = await Activities.PostAsync(_f.Host.Client, Activities.Feedback(_f.Connector.ServiceUrl, conversation, "split-message-id", "like", "助かりました"), _f.Token());
        Assert.Equal(HttpStatusCode.OK, liked.StatusCode);
        FeedbackEntry entry = Assert.Single(await _f.Host.FeedbackAsync(), e => e.ConversationId == conversation);
        Assert.Equal(("like", "conversation-latest", Question), (entry.Reaction, entry.MatchedBy, entry.Question));

        JsonObject removed = Activities.BotAdded(_f.Connector.ServiceUrl, conversation);
        removed.Remove("membersAdded");
        removed["membersRemoved"] = new JsonArray(new JsonObject { ["id"] = Activities.BotId });
        using HttpResponseMessage removal = await Activities.PostAsync(_f.Host.Client, removed, _f.Token());
        Assert.Equal(HttpStatusCode.OK, removal.StatusCode);
        using HttpResponseMessage late = await Activities.PostAsync(_f.Host.Client, Activities.Feedback(_f.Connector.ServiceUrl, conversation, "other-id", "dislike", string.Empty), _f.Token());
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        FeedbackEntry orphan = Assert.Single(await _f.Host.FeedbackAsync(), e => e.ConversationId == conversation && e.Reaction == "dislike");
        Assert.Equal("unknown", orphan.MatchedBy);
        Assert.Null(orphan.Question);
    }

    [Fact]
    public async Task Feedback_that_is_not_a_like_or_dislike_gets_400()
    {
        JsonObject feedback = Activities.Feedback(_f.Connector.ServiceUrl, NewConversation(), "x", "love", "?");
        using HttpResponseMessage response = await Activities.PostAsync(_f.Host.Client, feedback, _f.Token());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
