using System.Net;
using System.Text.Json.Nodes;
using StrategyAssistant.Bot.Tests.Infrastructure;

namespace StrategyAssistant.Bot.Tests;

/// <summary>Inbound Bot Connector token validation: only a token signed by a key from the OpenID metadata, issued by
/// api.botframework.com for this app id, in date (5-minute skew), whose serviceurl matches the body, is accepted.</summary>
public sealed class AuthenticationTests : IClassFixture<AuthenticatedBotFixture>
{
    private const string Question = "芦別市の移住者数の目標は？";
    private readonly AuthenticatedBotFixture _f;

    public AuthenticationTests(AuthenticatedBotFixture fixture)
    {
        _f = fixture;
    }

    public static TheoryData<string> BadTokens => ["none", "malformed", "expired", "not-yet-valid", "wrong-audience", "wrong-issuer", "unknown-key", "serviceurl-mismatch", "basic-scheme"];

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task A_bad_token_gets_401_and_no_answer(string kind)
    {
        string conversation = "a:auth-" + Guid.NewGuid().ToString("N");
        JsonObject inbound = Activities.Message(_f.Connector.ServiceUrl, conversation, Question);
        string serviceUrl = _f.Connector.ServiceUrl;
        DateTime now = DateTime.UtcNow;
        string? token = kind switch
        {
            "none" => null,
            "malformed" => "not.a.jwt",
            "expired" => _f.Identity.CreateToken(BotTestHost.AppId, serviceUrl, notBefore: now.AddHours(-2), expires: now.AddMinutes(-6)),
            "not-yet-valid" => _f.Identity.CreateToken(BotTestHost.AppId, serviceUrl, notBefore: now.AddMinutes(10), expires: now.AddHours(1)),
            "wrong-audience" => _f.Identity.CreateToken("00000000-1111-2222-3333-444444444444", serviceUrl),
            "wrong-issuer" => _f.Identity.CreateToken(BotTestHost.AppId, serviceUrl, issuer: "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/"),
            "unknown-key" => _f.Identity.CreateToken(BotTestHost.AppId, serviceUrl, key: _f.Identity.UnknownKey),
            "serviceurl-mismatch" => _f.Identity.CreateToken(BotTestHost.AppId, "https://smba.trafficmanager.net/amer/"),
            "basic-scheme" => null,
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        HttpResponseMessage response;
        if (kind == "basic-scheme")
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages") { Content = new StringContent(TestJson.Text(inbound), System.Text.Encoding.UTF8, "application/json") };
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", "dXNlcjpwYXNz");
            response = await _f.Host.Client.SendAsync(request);
        }
        else
        {
            response = await Activities.PostAsync(_f.Host.Client, inbound, token);
        }

        using (response)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        // A valid request afterwards is answered, so the refused one would have been by now.
        string probe = "a:auth-probe-" + Guid.NewGuid().ToString("N");
        using HttpResponseMessage ok = await Activities.PostAsync(_f.Host.Client, Activities.Message(_f.Connector.ServiceUrl, probe, Question), _f.Token());
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        await _f.Connector.WaitForMessagesAsync(probe);
        Assert.Empty(_f.Connector.For(conversation));
    }

    [Fact]
    public async Task A_token_within_the_5_minute_skew_is_accepted()
    {
        DateTime now = DateTime.UtcNow;
        string token = _f.Identity.CreateToken(BotTestHost.AppId, _f.Connector.ServiceUrl, notBefore: now.AddHours(-1), expires: now.AddMinutes(-3));
        string conversation = "a:skew-" + Guid.NewGuid().ToString("N");
        using HttpResponseMessage response = await Activities.PostAsync(_f.Host.Client, Activities.Message(_f.Connector.ServiceUrl, conversation, Question), token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await _f.Connector.WaitForMessagesAsync(conversation);
    }

    [Fact]
    public async Task The_serviceurl_claim_is_compared_ignoring_case()
    {
        string token = _f.Identity.CreateToken(BotTestHost.AppId, _f.Connector.ServiceUrl.ToUpperInvariant());
        string conversation = "a:case-" + Guid.NewGuid().ToString("N");
        using HttpResponseMessage response = await Activities.PostAsync(_f.Host.Client, Activities.Message(_f.Connector.ServiceUrl, conversation, Question), token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Without_an_app_id_outside_Development_every_request_is_refused()
    {
        await using FakeConnector connector = await FakeConnector.StartAsync();
        await using BotTestHost host = await BotTestHost.StartAsync(new Dictionary<string, string?>(), environment: "Production");
        string conversation = "a:noappid-" + Guid.NewGuid().ToString("N");
        using HttpResponseMessage response = await Activities.PostAsync(host.Client, Activities.Message(connector.ServiceUrl, conversation, Question), token: null);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Without_an_app_id_in_Development_requests_without_a_token_are_answered_without_a_token()
    {
        await using FakeConnector connector = await FakeConnector.StartAsync();
        await using BotTestHost host = await BotTestHost.StartAsync(new Dictionary<string, string?>(), environment: "Development");
        string conversation = "a:dev-" + Guid.NewGuid().ToString("N");
        JsonObject inbound = Activities.Message(connector.ServiceUrl, conversation, Question);
        inbound["channelId"] = "emulator";
        using HttpResponseMessage response = await Activities.PostAsync(host.Client, inbound, token: null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await connector.WaitForMessagesAsync(conversation);
        Assert.All(connector.For(conversation), r => Assert.Null(r.Authorization));
        Assert.Contains("40人", (string)connector.MessagesFor(conversation).Single().Body["text"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_an_app_id_in_Development_a_token_is_still_required()
    {
        await using BotTestHost host = await BotTestHost.StartAsync(BotTestHost.AuthenticatedSettings(_f.Identity), environment: "Development", identity: _f.Identity);
        using HttpResponseMessage response = await Activities.PostAsync(host.Client, Activities.Message(_f.Connector.ServiceUrl, "a:x", Question), token: null);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_new_signing_key_is_picked_up_by_refetching_the_keys_on_an_unknown_kid()
    {
        await using FakeIdentity identity = await FakeIdentity.StartAsync();
        await using FakeConnector connector = await FakeConnector.StartAsync();
        await using BotTestHost host = await BotTestHost.StartAsync(BotTestHost.AuthenticatedSettings(identity), identity: identity);

        string first = "a:rotation-1-" + Guid.NewGuid().ToString("N");
        using HttpResponseMessage before = await Activities.PostAsync(host.Client, Activities.Message(connector.ServiceUrl, first, Question), identity.CreateToken(BotTestHost.AppId, connector.ServiceUrl));
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        int fetches = identity.MetadataRequests;

        using var rotated = System.Security.Cryptography.RSA.Create(2048);
        var newKey = new Microsoft.IdentityModel.Tokens.RsaSecurityKey(rotated) { KeyId = "rotated-key-2" };
        identity.PublishedKeys.Add(newKey);
        string second = "a:rotation-2-" + Guid.NewGuid().ToString("N");
        using HttpResponseMessage after = await Activities.PostAsync(host.Client, Activities.Message(connector.ServiceUrl, second, Question), identity.CreateToken(BotTestHost.AppId, connector.ServiceUrl, key: newKey));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.True(identity.MetadataRequests > fetches, "the metadata and keys were fetched again");
        await connector.WaitForMessagesAsync(second);
    }
}
