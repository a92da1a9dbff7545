namespace StrategyAssistant.Bot;

/// <summary>The bot host's settings, bound from the <c>Bot</c> configuration section (appsettings.json, then the
/// environment, e.g. <c>Bot__MicrosoftAppId</c>).</summary>
public sealed class BotOptions
{
    public const string SectionName = "Bot";

    /// <summary>The Azure Bot registration's Microsoft App ID (a GUID). Empty: no outbound token, and inbound requests are
    /// accepted without a token only in the Development environment.</summary>
    public string? MicrosoftAppId { get; set; }

    /// <summary>The bot's Entra tenant (single-tenant registration). Empty: the legacy multi-tenant authority <c>botframework.com</c>.</summary>
    public string? MicrosoftAppTenantId { get; set; }

    /// <summary>The client secret for the outbound client-credentials token. Prefer a certificate.</summary>
    public string? MicrosoftAppPassword { get; set; }

    /// <summary>A PFX/PKCS#12 file holding the bot's certificate and private key (used instead of the password).</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The password of <see cref="CertificatePath"/>, if any.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>Entra tenant ids whose activities are answered. Empty: every tenant. Others get 200 and no reply.</summary>
    public IList<string> AllowedTenants { get; } = [];

    /// <summary>Where the Bot Connector's signing keys are published.</summary>
    public string OpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>The issuer of Bot Connector tokens.</summary>
    public string TokenIssuer { get; set; } = "https://api.botframework.com";

    /// <summary>The Entra authority host for the outbound token.</summary>
    public string AuthorityHost { get; set; } = "https://login.microsoftonline.com";

    /// <summary>The scope of the outbound token.</summary>
    public string ConnectorScope { get; set; } = "https://api.botframework.com/.default";

    /// <summary>Largest accepted <c>/api/messages</c> body; larger ones get 413.</summary>
    public int MaxRequestBodyBytes { get; set; } = 256 * 1024;

    /// <summary>Largest outgoing activity (JSON, counted as the larger of UTF-8 and UTF-16 sizes).</summary>
    public int MaxReplyBytes { get; set; } = 80 * 1024;

    /// <summary>How many activities may wait for an answer; when full, new ones get 503 (the channel re-delivers).</summary>
    public int QueueCapacity { get; set; } = 256;

    /// <summary>How many questions are answered at once. 0: the processor count.</summary>
    public int Workers { get; set; }

    /// <summary>Retries of an outbound call answered 429, 412, 502 or 504.</summary>
    public int MaxRetries { get; set; } = 3;

    public TimeSpan RetryMinDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How often the typing indicator is repeated while an answer is being composed.</summary>
    public TimeSpan TypingInterval { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Longest question accepted by <c>/api/ask</c> and answered from Teams.</summary>
    public int MaxQuestionLength { get; set; } = 1000;

    /// <summary>Example questions for the welcome message, the web chat and the Teams command list.</summary>
    public IList<string> ExampleQuestions { get; } = [];

    /// <summary>The examples used when configuration names none: data shipped with the bot (Data/example-questions.json,
    /// about the bundled corpus), not literals in code; a deployment for other cities sets <c>Bot:ExampleQuestions</c>.</summary>
    public static IReadOnlyList<string> DefaultExampleQuestions { get; } = LoadDefaultExamples();

    private static string[] LoadDefaultExamples()
    {
        using Stream stream = typeof(BotOptions).Assembly.GetManifestResourceStream("Data.example-questions.json")
            ?? throw new InvalidOperationException("The bot assembly lacks its Data.example-questions.json resource.");
        return System.Text.Json.JsonSerializer.Deserialize<string[]>(stream) ?? [];
    }

    public IReadOnlyList<string> EffectiveExampleQuestions => ExampleQuestions.Count > 0 ? [.. ExampleQuestions] : DefaultExampleQuestions;

    /// <summary>The host's public https base URL (e.g. <c>https://bot.example.jp/</c>). Set: Teams citations and card sources
    /// link to the document viewer at <c>{PublicBaseUrl}documents/{id}?line=N</c>. Empty: no links in Teams (the web chat
    /// links relative to its own page either way).</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>The text of <c>/privacy</c> (paragraphs separated by blank lines). Empty: a short default statement.</summary>
    public string? PrivacyText { get; set; }

    /// <summary>The text of <c>/terms</c> (paragraphs separated by blank lines). Empty: a short default statement.</summary>
    public string? TermsText { get; set; }

    /// <summary>Questions one client (by IP address) may send to <c>/api/ask</c> per <see cref="AskRateWindow"/>; 0 disables the limit.</summary>
    public int AskRateLimit { get; set; } = 30;

    /// <summary>The fixed window of <see cref="AskRateLimit"/>.</summary>
    public TimeSpan AskRateWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Load the corpus index in the background at start-up (then <c>/readyz</c> turns ready). False: on the first question.</summary>
    public bool WarmUpIndex { get; set; } = true;

    /// <summary>The public base URL as an absolute URI ending in '/', or null when not set or not absolute http(s).</summary>
    public Uri? PublicBaseUri =>
        Uri.TryCreate(PublicBaseUrl?.Trim() is { Length: > 0 } u ? (u.EndsWith('/') ? u : u + "/") : null, UriKind.Absolute, out Uri? uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri : null;

    public bool HasAppId => !string.IsNullOrWhiteSpace(MicrosoftAppId);

    public int EffectiveWorkers => Workers > 0 ? Workers : Math.Max(1, Environment.ProcessorCount);
}
