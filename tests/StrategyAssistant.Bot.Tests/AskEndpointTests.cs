using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using StrategyAssistant.Answering;
using StrategyAssistant.Bot.Tests.Infrastructure;

namespace StrategyAssistant.Bot.Tests;

/// <summary><c>POST /api/ask</c> returns exactly the JSON of <c>ask --json</c> (AnswerJson) and validates its input.</summary>
public sealed class AskEndpointTests : IAsyncLifetime
{
    private BotTestHost _host = null!;

    public async Task InitializeAsync() => _host = await BotTestHost.StartAsync(new Dictionary<string, string?>());

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<HttpResponseMessage> AskAsync(string body) =>
        await _host.Client.PostAsync(new Uri("api/ask", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));

    [Fact]
    public async Task The_answer_is_the_same_json_as_ask_json()
    {
        const string question = "芦別市の移住者数の目標は？";
        using HttpResponseMessage response = await AskAsync("{\"question\": \"芦別市の移住者数の目標は？\"}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        string json = await response.Content.ReadAsStringAsync();

        Answer expected = await _host.Get<IAnswerService>().AnswerAsync(question);
        JsonObject parsed = (JsonObject)JsonNode.Parse(json)!;

        // Every field of ask --json, as is; the page's extras (viewer links, tables) beside them.
        foreach ((string key, JsonNode? value) in AnswerJson.ToJson(expected))
        {
            JsonNode? actual = parsed[key]?.DeepClone();
            if (actual is JsonArray { Count: > 0 } list && key == "citations")
            {
                foreach (JsonObject c in list.OfType<JsonObject>())
                {
                    Assert.StartsWith("documents/", (string)c["viewer"]!, StringComparison.Ordinal);
                    c.Remove("viewer");
                }
            }

            Assert.True(JsonNode.DeepEquals(value, actual), $"{key}: {value?.ToJsonString()} vs {actual?.ToJsonString()}");
        }

        Assert.NotEmpty(parsed["tables"]!.AsArray());
        Assert.Contains("40人", (string)parsed["answer"]!, StringComparison.Ordinal);
        Assert.NotEmpty(parsed["citations"]!.AsArray());
        Assert.Contains("移住者数", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"question\": \"   \"}")]
    [InlineData("{\"question\": 42}")]
    [InlineData("not json")]
    [InlineData("[\"question\"]")]
    public async Task A_missing_or_invalid_question_gets_400_with_an_error(string body)
    {
        using HttpResponseMessage response = await AskAsync(body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]);
    }

    [Fact]
    public async Task Too_long_questions_get_400_and_huge_bodies_413()
    {
        using HttpResponseMessage tooLong = await AskAsync(new JsonObject { ["question"] = new string('a', 1001) }.ToJsonString());
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        using HttpResponseMessage huge = await AskAsync(new JsonObject { ["question"] = new string('a', 20_000) }.ToJsonString());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
    }

    [Fact]
    public async Task The_page_and_its_assets_are_served_with_a_content_security_policy()
    {
        using HttpResponseMessage page = await _host.Client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("default-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        string html = await page.Content.ReadAsStringAsync();
        Assert.Contains("app.js", html, StringComparison.Ordinal);

        using HttpResponseMessage script = await _host.Client.GetAsync(new Uri("/app.js", UriKind.Relative));
        Assert.Contains("api/ask", await script.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using HttpResponseMessage examples = await _host.Client.GetAsync(new Uri("/api/examples", UriKind.Relative));
        Assert.Contains("芦別市の移住者数の目標は？", await examples.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using HttpResponseMessage health = await _host.Client.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Only_json_is_accepted_and_responses_say_nosniff()
    {
        using HttpResponseMessage text = await _host.Client.PostAsync(new Uri("api/ask", UriKind.Relative), new StringContent("{\"question\": \"移住者数\"}", Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
        using HttpResponseMessage form = await _host.Client.PostAsync(new Uri("api/ask", UriKind.Relative), new FormUrlEncodedContent([new("question", "移住者数")]));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);
        using HttpResponseMessage ok = await AskAsync("{\"question\": \"芦別市の移住者数の目標は？\"}");
        Assert.Equal("nosniff", ok.Headers.GetValues("X-Content-Type-Options").Single());
        using HttpResponseMessage bad = await AskAsync("{}");
        Assert.Equal("nosniff", bad.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Theory]
    [InlineData("{\"question\": \"移住\\ud800者数\"}")]
    [InlineData("{\"question\": \"\\udc00\"}")]
    [InlineData("{\"question\": \"移住者数\\ud800\"}")]
    public async Task A_lone_surrogate_gets_400_not_500(string body)
    {
        using HttpResponseMessage response = await AskAsync(body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]);
    }

    [Fact]
    public async Task A_follow_up_in_the_same_session_keeps_the_subject_and_another_session_does_not()
    {
        using HttpResponseMessage first = await AskAsync("{\"question\": \"芦別市の移住者数の目標は？\", \"session\": \"tab-1\"}");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        using HttpResponseMessage follow = await AskAsync("{\"question\": \"基準値は？\", \"session\": \"tab-1\"}");
        JsonObject followed = (JsonObject)JsonNode.Parse(await follow.Content.ReadAsStringAsync())!;
        Assert.Contains("移住者数", (string)followed["question"]!, StringComparison.Ordinal);
        Assert.Contains("16人", (string)followed["answer"]!, StringComparison.Ordinal);

        using HttpResponseMessage other = await AskAsync("{\"question\": \"基準値は？\", \"session\": \"tab-2\"}");
        JsonObject alone = (JsonObject)JsonNode.Parse(await other.Content.ReadAsStringAsync())!;
        Assert.DoesNotContain("移住者数", (string)alone["question"]!, StringComparison.Ordinal);
    }
}
