using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using StrategyAssistant.Answering;
using StrategyAssistant.Bot.Protocol;
using StrategyAssistant.Bot.Replies;
using StrategyAssistant.Bot.Tests.Infrastructure;
using StrategyAssistant.Bot.Viewer;
using StrategyAssistant.Documents;
using StrategyAssistant.Search;

namespace StrategyAssistant.Bot.Tests;

/// <summary>The document viewer, /privacy and /terms, readiness, the /api/ask rate limit, through the real host.</summary>
public sealed class HostFeatureTests : IAsyncLifetime
{
    private BotTestHost _host = null!;

    public async Task InitializeAsync() => _host = await BotTestHost.StartAsync(new Dictionary<string, string?>
    {
        ["Bot:PrivacyText"] = "質問は保存しません。\n\n<b>評価</b>のみ保存します。",
        ["Bot:TermsText"] = "参考情報です。",
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_viewer_shows_the_document_with_the_cited_lines_highlighted_and_anchored()
    {
        Answer answer = await _host.Get<IAnswerService>().AnswerAsync("芦別市の移住者数の目標は？");
        Citation cited = answer.Citations[0];
        using HttpResponseMessage response = await _host.Client.GetAsync(new Uri(StrategyAssistant.Hosting.SourceLabel.ViewerPath(cited), UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        string html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"<li id=\"L{cited.Line}\" value=\"{cited.Line}\" class=\"cited\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"<li id=\"L{cited.LineEnd + 1}\" value=\"{cited.LineEnd + 1}\" class=\"cited\">", html, StringComparison.Ordinal);
        Assert.Contains("<title>芦別市", html, StringComparison.Ordinal);
        Assert.Contains("40人", html, StringComparison.Ordinal);

        // The text download is the corpus text itself.
        using HttpResponseMessage text = await _host.Client.GetAsync(new Uri($"documents/{StrategyAssistant.Hosting.SourceLabel.DocumentId(cited.File)}/text", UriKind.Relative));
        Assert.Equal("text/plain", text.Content.Headers.ContentType?.MediaType);
        Assert.Contains(cited.Quote.Split(' ')[0], await text.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("documents/..%2F..%2Fetc%2Fpasswd")]
    [InlineData("documents/%2Fetc%2Fpasswd")]
    [InlineData("documents/manifest")]
    [InlineData("documents/004_62fb755ce21c91b3.txt")]
    [InlineData("documents/nothing-here?line=1")]
    [InlineData("documents/..%5C..%5Cetc%5Cpasswd/text")]
    public async Task Anything_but_a_corpus_document_id_is_404(string path)
    {
        using HttpResponseMessage response = await _host.Client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("root:", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_character_of_the_document_is_escaped()
    {
        var document = SourceDocument.FromText(new DocumentInfo("x.txt", "某市", "<b>計画</b>", "strategy", "\"期間\"", "某市"), "一行目\n<script>alert('x')</script> & \"q\"\n三行目\n");
        string html = DocumentViewer.Render(document, 2, null);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>計画", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;", html, StringComparison.Ordinal);
        Assert.Contains("<li id=\"L2\" value=\"2\" class=\"cited\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<li id=\"L1\" value=\"1\" class=\"cited\">", html, StringComparison.Ordinal);

        // A line past the end highlights nothing.
        Assert.DoesNotContain("class=\"cited\"", DocumentViewer.Render(document, 99, null), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Privacy_and_terms_pages_show_the_configured_text_escaped()
    {
        using HttpResponseMessage privacy = await _host.Client.GetAsync(new Uri("privacy", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, privacy.StatusCode);
        string html = await privacy.Content.ReadAsStringAsync();
        Assert.Contains("<p>質問は保存しません。</p>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;評価&lt;/b&gt;", html, StringComparison.Ordinal);
        using HttpResponseMessage terms = await _host.Client.GetAsync(new Uri("terms", UriKind.Relative));
        Assert.Contains("参考情報です。", await terms.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

/// <summary>/readyz is 503 until the corpus index is loaded and 200 after; /healthz is 200 throughout.</summary>
public sealed class ReadinessTests
{
    [Fact]
    public async Task Readyz_turns_ready_once_the_index_is_loaded()
    {
        await using BotTestHost host = await BotTestHost.StartAsync(new Dictionary<string, string?> { ["Bot:WarmUpIndex"] = "false" });
        using HttpResponseMessage before = await host.Client.GetAsync(new Uri("readyz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, before.StatusCode);
        using HttpResponseMessage live = await host.Client.GetAsync(new Uri("healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);

        await host.Get<CorpusIndexProvider>().GetAsync();
        using HttpResponseMessage after = await host.Client.GetAsync(new Uri("readyz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task The_warm_up_makes_the_host_ready_without_a_question()
    {
        await using BotTestHost host = await BotTestHost.StartAsync(new Dictionary<string, string?>());
        HttpStatusCode status = HttpStatusCode.ServiceUnavailable;
        for (int i = 0; i < 600 && status != HttpStatusCode.OK; i++)
        {
            using HttpResponseMessage ready = await host.Client.GetAsync(new Uri("readyz", UriKind.Relative));
            status = ready.StatusCode;
            if (status != HttpStatusCode.OK)
            {
                await Task.Delay(100);
            }
        }

        Assert.Equal(HttpStatusCode.OK, status);
    }
}

/// <summary>The per-client limit of /api/ask: 429 with Retry-After past the limit.</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task Past_the_limit_a_client_gets_429_with_retry_after()
    {
        await using BotTestHost host = await BotTestHost.StartAsync(new Dictionary<string, string?> { ["Bot:AskRateLimit"] = "2", ["Bot:AskRateWindow"] = "00:01:00" });
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (int i = 0; i < 3; i++)
        {
            last?.Dispose();
            last = await host.Client.PostAsync(new Uri("api/ask", UriKind.Relative), new StringContent("{\"question\": \"移住者数\"}", Encoding.UTF8, "application/json"));
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        int retryAfter = int.Parse(last!.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        Assert.NotNull(JsonNode.Parse(await last.Content.ReadAsStringAsync())!["error"]);
        last.Dispose();
    }
}

/// <summary>Every card the bot sends validates against the official Adaptive Card 1.5 schema (Fixtures/, from the
/// AdaptiveCards repository's schemas/1.5.0/adaptive-card.json), evaluated by JsonSchema.Net.</summary>
public sealed class AdaptiveCardSchemaTests
{
    private static readonly Lazy<JsonSchema> s_schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "adaptive-card-1.5.schema.json"))));

    private static readonly string[] s_questions =
    [
        "芦別市の移住者数の目標は？", "砂川市の観光入込客数の目標値は？", "旭川市の合計特殊出生率は？", "旭川市の移住促進事業の予算は？",
        "基本目標1の事業の予算は？", "岩見沢市の事業の予算は？", "北見市の観光客数は？", "砂川市の就業者数の基準値は？",
    ];

    internal static void AssertValid(JsonNode card, string what)
    {
        using JsonDocument document = JsonDocument.Parse(card.ToJsonString());
        EvaluationResults results = s_schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(results.IsValid, $"{what}: " + string.Join("; ", (results.Details ?? []).Where(d => d.Errors is { Count: > 0 }).Take(8)
            .Select(d => $"{d.InstanceLocation}: {string.Join(", ", d.Errors!.Values)}")) + "\n" + card.ToJsonString());
    }

    [Fact]
    public async Task Answer_welcome_and_citation_cards_are_valid_adaptive_cards_1_5()
    {
        await using BotTestHost host = await BotTestHost.StartAsync(new Dictionary<string, string?>());
        IAnswerService answers = host.Get<IAnswerService>();
        CorpusIndex index = await host.Get<CorpusIndexProvider>().GetAsync();
        var context = new ReplyContext("answer-1", new Uri("https://bot.example.jp/"), index.Knowledge.Records.Projects);
        var inbound = new Activity { Type = "message", Id = "1", ServiceUrl = "https://smba.trafficmanager.net/amer/", Conversation = new ConversationAccount { Id = "c" } };
        int cards = 0;
        foreach (string question in s_questions)
        {
            Answer answer = await answers.AnswerAsync(question);
            Activity reply = ReplyBuilder.Answer(inbound, answer, 80 * 1024, context);
            foreach (Attachment attachment in reply.Attachments ?? [])
            {
                AssertValid(attachment.Content!, question);
                cards++;
            }

            foreach (JsonNode? claim in reply.Entities![0]["citation"]!.AsArray())
            {
                if ((string?)claim!["appearance"]!["text"] is { } modal)
                {
                    AssertValid(JsonNode.Parse(modal)!, question + " citation");
                    cards++;
                }
            }
        }

        AssertValid(ReplyBuilder.Welcome(inbound, ["芦別市の移住者数の目標は？"]).Attachments![0].Content!, "welcome");
        Assert.True(cards >= s_questions.Length, $"{cards} cards validated");
    }

    [Fact]
    public void Project_derivation_and_note_cards_are_valid_and_the_validator_refuses_a_broken_card()
    {
        Citation c1 = new("010_x.txt", "関連事業一覧", "某市", 20, 20, "移住促進事業 17,852");
        var answer = new Answer
        {
            Question = "予算は？",
            Text = "…[1]",
            Citations = [c1],
            Figures = [new Figure("17,852", "千円", "令和6年度", 1, "移住促進事業 予算"), new Figure("3,500", "千円", null, 1, "起業支援事業 予算"), new Figure("5", "件", null, 1, "相談件数")],
            Derivations = [new Derivation(DerivationKind.Sum, "17,852千円 + 3,500千円 = 21,352千円", "21,352千円", [new DerivationOperand("17,852", "千円", 1, "移住促進事業"), new DerivationOperand("3,500", "千円", 1, "起業支援事業")])],
            Notes = ["合計欄と内訳の和が一致しません。"],
        };
        JsonObject card = AnswerCard.Content(answer, new ReplyContext("a", new Uri("https://bot.example.jp/")));
        AssertValid(card, "synthetic");

        JsonObject broken = (JsonObject)card.DeepClone();
        broken["body"]!.AsArray().Add(new JsonObject { ["type"] = "Table", ["rows"] = "not an array" });
        using JsonDocument document = JsonDocument.Parse(broken.ToJsonString());
        Assert.False(s_schema.Value.Evaluate(document.RootElement).IsValid);
    }
}
