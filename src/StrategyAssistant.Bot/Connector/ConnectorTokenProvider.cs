using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace StrategyAssistant.Bot.Connector;

/// <summary>Supplies the bearer token for calls to the Bot Connector, or null when the bot runs without an app id.</summary>
public interface IConnectorTokenProvider
{
    Task<string?> GetTokenAsync(CancellationToken cancellationToken);
}

/// <summary>Client-credentials tokens from Entra through MSAL (secret or certificate). MSAL caches the token and renews it
/// before it expires.</summary>
public sealed class MsalConnectorTokenProvider : IConnectorTokenProvider
{
    private readonly BotOptions _options;
    private readonly Lazy<IConfidentialClientApplication?> _app;

    public MsalConnectorTokenProvider(IOptions<BotOptions> options, IMsalHttpClientFactory? httpClientFactory = null)
    {
        _options = options.Value;
        _app = new Lazy<IConfidentialClientApplication?>(() => Create(_options, httpClientFactory));
    }

    public async Task<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (_app.Value is not { } app)
        {
            return null;
        }

        AuthenticationResult result = await app.AcquireTokenForClient([_options.ConnectorScope]).ExecuteAsync(cancellationToken).ConfigureAwait(false);
        return result.AccessToken;
    }

    private static IConfidentialClientApplication? Create(BotOptions options, IMsalHttpClientFactory? httpClientFactory)
    {
        if (!options.HasAppId)
        {
            return null;
        }

        string tenant = string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId) ? "botframework.com" : options.MicrosoftAppTenantId.Trim();
        ConfidentialClientApplicationBuilder builder = ConfidentialClientApplicationBuilder
            .Create(options.MicrosoftAppId!.Trim())
            .WithAuthority($"{options.AuthorityHost.TrimEnd('/')}/{tenant}", validateAuthority: false)
            .WithInstanceDiscovery(false);
        if (!string.IsNullOrEmpty(options.CertificatePath))
        {
            X509Certificate2 certificate = X509CertificateLoader.LoadPkcs12FromFile(options.CertificatePath, options.CertificatePassword);
            builder = builder.WithCertificate(certificate, sendX5C: true);
        }
        else if (!string.IsNullOrEmpty(options.MicrosoftAppPassword))
        {
            builder = builder.WithClientSecret(options.MicrosoftAppPassword);
        }
        else
        {
            throw new InvalidOperationException("Bot:MicrosoftAppId is set but neither Bot:MicrosoftAppPassword nor Bot:CertificatePath is: the bot cannot obtain a token to reply.");
        }

        if (httpClientFactory is not null)
        {
            builder = builder.WithHttpClientFactory(httpClientFactory);
        }

        return builder.Build();
    }
}
