using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.Identity.Client;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace StrategyAssistant.Bot.Tests.Infrastructure;

/// <summary>A stand-in for login.botframework.com (OpenID metadata and a JWKS with a test RSA key, endorsements included)
/// and for the Entra token endpoint (client credentials), on 127.0.0.1. Mints Bot Connector-shaped tokens.</summary>
internal sealed class FakeIdentity : IAsyncDisposable
{
    public const string BotFrameworkIssuer = "https://api.botframework.com";
    public const string OutboundAccessToken = "outbound-access-token-for-tests";

    private readonly WebApplication _app;
    private readonly RSA _rsa;
    private readonly RSA _otherRsa;

    private FakeIdentity(WebApplication app, string baseUrl, RSA rsa, RSA otherRsa)
    {
        _app = app;
        BaseUrl = baseUrl;
        _rsa = rsa;
        _otherRsa = otherRsa;
        SigningKey = new RsaSecurityKey(rsa) { KeyId = "test-key-1" };
        UnknownKey = new RsaSecurityKey(otherRsa) { KeyId = "not-published-key" };
        PublishedKeys.Add(SigningKey);
    }

    /// <summary>The keys the JWKS serves; add one to simulate a key rotation.</summary>
    public System.Collections.Concurrent.ConcurrentBag<RsaSecurityKey> PublishedKeys { get; } = [];

    public string BaseUrl { get; }

    public string MetadataUrl => BaseUrl + "/v1/.well-known/openidconfiguration";

    public RsaSecurityKey SigningKey { get; }

    /// <summary>A key that is not in the JWKS.</summary>
    public RsaSecurityKey UnknownKey { get; }

    public ConcurrentQueue<IReadOnlyDictionary<string, string>> TokenRequests { get; } = new();

    public int MetadataRequests;

    public static async Task<FakeIdentity> StartAsync()
    {
        var rsa = RSA.Create(2048);
        var otherRsa = RSA.Create(2048);
        FakeIdentity? identity = null;
        (WebApplication app, string baseUrl) = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/v1/.well-known/openidconfiguration", (HttpContext context) =>
            {
                Interlocked.Increment(ref identity!.MetadataRequests);
                string self = $"{context.Request.Scheme}://{context.Request.Host}";
                return Results.Json(new JsonObject
                {
                    ["issuer"] = BotFrameworkIssuer,
                    ["authorization_endpoint"] = "https://invalid.botframework.com",
                    ["jwks_uri"] = self + "/v1/.well-known/keys",
                    ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
                    ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
                });
            });
            app.MapGet("/v1/.well-known/keys", () =>
            {
                var keys = new JsonArray();
                foreach (RsaSecurityKey published in identity!.PublishedKeys)
                {
                    JsonWebKey jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(published.Rsa.ExportParameters(false)) { KeyId = published.KeyId });
                    keys.Add(new JsonObject
                    {
                        ["kty"] = "RSA",
                        ["use"] = "sig",
                        ["kid"] = jwk.Kid,
                        ["n"] = jwk.N,
                        ["e"] = jwk.E,
                        ["endorsements"] = new JsonArray("msteams", "emulator"),
                    });
                }

                return Results.Json(new JsonObject { ["keys"] = keys });
            });
            app.MapPost("/{tenant}/oauth2/v2.0/token", async (HttpContext context, string tenant) =>
            {
                IFormCollection form = await context.Request.ReadFormAsync();
                var fields = form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
                fields["tenant"] = tenant;
                identity!.TokenRequests.Enqueue(fields);
                return Results.Json(new JsonObject
                {
                    ["token_type"] = "Bearer",
                    ["expires_in"] = 3600,
                    ["ext_expires_in"] = 3600,
                    ["access_token"] = OutboundAccessToken,
                });
            });
        });
        identity = new FakeIdentity(app, baseUrl, rsa, otherRsa);
        return identity;
    }

    /// <summary>A Bot Connector-style token; every part can be spoiled for the negative tests.</summary>
    public string CreateToken(string audience, string serviceUrl, string issuer = BotFrameworkIssuer, DateTime? notBefore = null, DateTime? expires = null, SecurityKey? key = null)
    {
        DateTime now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            NotBefore = notBefore ?? now.AddMinutes(-1),
            IssuedAt = notBefore ?? now.AddMinutes(-1),
            Expires = expires ?? now.AddMinutes(59),
            Claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl, ["ver"] = "1.0" },
            SigningCredentials = new SigningCredentials(key ?? SigningKey, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    /// <summary>MSAL's HTTP: requests to the Entra host go to this server instead.</summary>
    public IMsalHttpClientFactory MsalHttpClientFactory() => new RedirectingFactory(new Uri(BaseUrl));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _rsa.Dispose();
        _otherRsa.Dispose();
    }

    private sealed class RedirectingFactory(Uri target) : IMsalHttpClientFactory
    {
        private readonly HttpClient _client = new(new RedirectHandler(target) { InnerHandler = new SocketsHttpHandler() });

        public HttpClient GetHttpClient() => _client;
    }

    private sealed class RedirectHandler(Uri target) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri is { Host: "login.microsoftonline.com" } uri)
            {
                request.RequestUri = new Uri(target, uri.PathAndQuery);
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
