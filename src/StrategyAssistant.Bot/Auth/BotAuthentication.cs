using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace StrategyAssistant.Bot.Auth;

/// <summary>How inbound <c>/api/messages</c> requests are authenticated, decided once at start-up.</summary>
public enum InboundAuthMode
{
    /// <summary>An app id is configured: every request needs a valid Bot Connector token.</summary>
    Required,

    /// <summary>No app id and the Development environment: requests are accepted without a token (Emulator, Agents Playground).</summary>
    DevelopmentAnonymous,

    /// <summary>No app id outside Development: every request is refused.</summary>
    NotConfigured,
}

/// <summary>The outcome of authenticating one request.</summary>
public sealed record InboundAuthResult(bool Succeeded, ClaimsPrincipal? Principal, string? Failure)
{
    /// <summary>The id of the key that signed the token (for the endorsement check), or null.</summary>
    public string? SigningKeyId { get; init; }

    public static InboundAuthResult Anonymous { get; } = new(true, null, null);

    /// <summary>The <c>serviceurl</c> claim of a validated token (null when anonymous).</summary>
    public string? ServiceUrlClaim => Principal?.FindFirst(BotAuthentication.ServiceUrlClaim)?.Value;
}

/// <summary>Bot Connector JWT validation: OpenID metadata and signing keys through a <see cref="ConfigurationManager{T}"/>,
/// issuer, audience = app id, RS256/384/512, 5-minute clock skew; the serviceurl binding is checked once the body is parsed.</summary>
public static partial class BotAuthentication
{
    public const string Scheme = "BotConnector";
    public const string ServiceUrlClaim = "serviceurl";
    public const string MetadataHttpClient = "BotOpenIdMetadata";

    public static IServiceCollection AddBotConnectorAuthentication(this IServiceCollection services)
    {
        services.AddHttpClient(MetadataHttpClient, c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddAuthentication().AddJwtBearer(Scheme, _ => { });
        services.AddOptions<JwtBearerOptions>(Scheme).Configure<IOptions<BotOptions>, IHttpClientFactory>((jwt, botOptions, httpClients) =>
        {
            BotOptions bot = botOptions.Value;
            jwt.MapInboundClaims = false;
            jwt.SaveToken = false;
            jwt.IncludeErrorDetails = false;
            jwt.RefreshOnIssuerKeyNotFound = true;
            bool loopback = Uri.TryCreate(bot.OpenIdMetadataUrl, UriKind.Absolute, out Uri? metadata) && metadata.IsLoopback;
            var retriever = new HttpDocumentRetriever(httpClients.CreateClient(MetadataHttpClient)) { RequireHttps = !loopback };
            jwt.ConfigurationManager = new ConfigurationManager<OpenIdConnectConfiguration>(bot.OpenIdMetadataUrl, new OpenIdConnectConfigurationRetriever(), retriever)
            {
                AutomaticRefreshInterval = TimeSpan.FromHours(12),
                RefreshInterval = TimeSpan.FromMinutes(1),
            };
            jwt.TokenValidationParameters = new TokenValidationParameters
            {
                ValidateIssuer = true,
                ValidIssuer = bot.TokenIssuer,
                ValidateAudience = true,
                ValidAudience = bot.MicrosoftAppId,
                ValidateLifetime = true,
                RequireExpirationTime = true,
                ClockSkew = TimeSpan.FromMinutes(5),
                RequireSignedTokens = true,
                ValidateIssuerSigningKey = true,
                ValidAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512],
            };
        });
        services.AddSingleton<InboundAuthenticator>();
        return services;
    }

    public static InboundAuthMode DecideMode(BotOptions options, IHostEnvironment environment) =>
        options.HasAppId ? InboundAuthMode.Required
        : environment.IsDevelopment() ? InboundAuthMode.DevelopmentAnonymous
        : InboundAuthMode.NotConfigured;
}

/// <summary>Authenticates inbound activity requests according to the <see cref="InboundAuthMode"/>.</summary>
public sealed partial class InboundAuthenticator
{
    private readonly IOptionsMonitor<JwtBearerOptions> _jwtOptions;
    private readonly SemaphoreSlim _refreshGate = new(1, 1);
    private readonly ILogger<InboundAuthenticator> _logger;

    public InboundAuthenticator(IOptions<BotOptions> options, IHostEnvironment environment, IOptionsMonitor<JwtBearerOptions> jwtOptions, ILogger<InboundAuthenticator> logger)
    {
        _jwtOptions = jwtOptions;
        _logger = logger;
        Mode = BotAuthentication.DecideMode(options.Value, environment);
    }

    public InboundAuthMode Mode { get; }

    /// <summary>Logs the mode loudly at start-up.</summary>
    public void LogMode()
    {
        switch (Mode)
        {
            case InboundAuthMode.DevelopmentAnonymous:
                LogAnonymousMode(_logger);
                break;
            case InboundAuthMode.NotConfigured:
                LogNotConfigured(_logger);
                break;
            default:
                LogRequired(_logger);
                break;
        }
    }

    public async Task<InboundAuthResult> AuthenticateAsync(HttpContext context)
    {
        switch (Mode)
        {
            case InboundAuthMode.DevelopmentAnonymous:
                LogAnonymousRequest(_logger);
                return InboundAuthResult.Anonymous;
            case InboundAuthMode.NotConfigured:
                return new InboundAuthResult(false, null, "Bot:MicrosoftAppId is not configured");
        }

        string? header = context.Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header) || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return new InboundAuthResult(false, null, "no bearer token");
        }

        AuthenticateResult result = await context.AuthenticateAsync(BotAuthentication.Scheme).ConfigureAwait(false);
        string token = header["Bearer ".Length..].Trim();
        if (result.Succeeded && result.Principal is not null)
        {
            return new InboundAuthResult(true, result.Principal, null) { SigningKeyId = KeyIdOf(token) };
        }

        if (result.Failure is SecurityTokenSignatureKeyNotFoundException)
        {
            // A key published since the keys were last fetched: JwtBearer has asked for a refresh; validate once more with the new keys.
            return await RevalidateWithFreshKeysAsync(token, context.RequestAborted).ConfigureAwait(false) is { Succeeded: true } fresh
                ? fresh with { SigningKeyId = KeyIdOf(token) }
                : new InboundAuthResult(false, null, "unknown signing key");
        }

        return new InboundAuthResult(false, null, result.Failure?.Message ?? "invalid token");
    }

    /// <summary>The Bot Framework SDK's endorsement check: when the signing key lists <c>endorsements</c>, the activity's
    /// <c>channelId</c> must be among them (a key endorsed only for <c>msteams</c> cannot sign a <c>webchat</c> activity).
    /// A key without endorsements, or an anonymous request, passes.</summary>
    public async Task<bool> IsEndorsedAsync(InboundAuthResult auth, string? channelId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(auth);
        if (auth.Principal is null || auth.SigningKeyId is null)
        {
            return true;
        }

        if (_jwtOptions.Get(BotAuthentication.Scheme).ConfigurationManager is not { } configurationManager)
        {
            return false;
        }

        OpenIdConnectConfiguration configuration = await configurationManager.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
        JsonWebKey? key = configuration.JsonWebKeySet?.Keys.FirstOrDefault(k => string.Equals(k.Kid, auth.SigningKeyId, StringComparison.Ordinal));
        if (key is null || !key.AdditionalData.TryGetValue("endorsements", out object? value) || value is null)
        {
            return true;
        }

        IEnumerable<string?> endorsements = value switch
        {
            System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.Array } array => array.EnumerateArray().Select(e => e.ValueKind == System.Text.Json.JsonValueKind.String ? e.GetString() : null),
            IEnumerable<object> list => list.Select(o => o?.ToString()),
            _ => [],
        };
        return !string.IsNullOrEmpty(channelId) && endorsements.Any(e => string.Equals(e, channelId, StringComparison.Ordinal));
    }

    private static string? KeyIdOf(string token)
    {
        try
        {
            return new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(token).Kid;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private async Task<InboundAuthResult> RevalidateWithFreshKeysAsync(string token, CancellationToken cancellationToken)
    {
        JwtBearerOptions jwt = _jwtOptions.Get(BotAuthentication.Scheme);
        if (jwt.ConfigurationManager is not { } configurationManager)
        {
            return new InboundAuthResult(false, null, "no signing key configuration");
        }

        // One revalidation at a time: a flood of tokens with made-up key ids cannot pile up waiting requests.
        if (!await _refreshGate.WaitAsync(0, cancellationToken).ConfigureAwait(false))
        {
            return new InboundAuthResult(false, null, "unknown signing key");
        }

        try
        {
            string? kid = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(token).Kid;
            configurationManager.RequestRefresh();

            // The configuration manager refreshes in the background: wait (bounded) until the new keys are in.
            OpenIdConnectConfiguration configuration = await configurationManager.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
            for (int i = 0; i < 40 && !configuration.SigningKeys.Any(k => string.Equals(k.KeyId, kid, StringComparison.Ordinal)); i++)
            {
                await Task.Delay(50, cancellationToken).ConfigureAwait(false);
                configuration = await configurationManager.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
            }

            TokenValidationParameters parameters = jwt.TokenValidationParameters.Clone();
            parameters.IssuerSigningKeys = configuration.SigningKeys;
            TokenValidationResult validation = await new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler { MapInboundClaims = false }
                .ValidateTokenAsync(token, parameters).ConfigureAwait(false);
            LogKeyRefresh(_logger, validation.IsValid);
            return validation.IsValid && validation.ClaimsIdentity is { } identity
                ? new InboundAuthResult(true, new ClaimsPrincipal(identity), null)
                : new InboundAuthResult(false, null, validation.Exception?.Message ?? "invalid token");
        }
        catch (ArgumentException ex)
        {
            return new InboundAuthResult(false, null, ex.Message);
        }
        finally
        {
            _refreshGate.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Token signed with an unknown key: signing keys refetched; valid now: {Valid}")]
    private static partial void LogKeyRefresh(ILogger logger, bool valid);

    [LoggerMessage(Level = LogLevel.Warning, Message = "!!! INSECURE: Bot:MicrosoftAppId is empty and the environment is Development, so /api/messages accepts requests WITHOUT authentication (Bot Framework Emulator / Agents Playground mode). Never run like this in production. !!!")]
    private static partial void LogAnonymousMode(ILogger logger);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Unauthenticated activity accepted (Development, no app id)")]
    private static partial void LogAnonymousRequest(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Bot:MicrosoftAppId is not configured and the environment is not Development: every /api/messages request will be refused with 401. Set Bot__MicrosoftAppId (and a password or certificate).")]
    private static partial void LogNotConfigured(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Inbound Bot Connector tokens are required on /api/messages")]
    private static partial void LogRequired(ILogger logger);
}
