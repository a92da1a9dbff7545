using Microsoft.Identity.Client;
using StrategyAssistant.Stores;

namespace StrategyAssistant.Bot.Tests.Infrastructure;

/// <summary>The real bot host (<see cref="BotApplication.Build"/>) on a real Kestrel at 127.0.0.1 with an OS-chosen port.</summary>
internal sealed class BotTestHost : IAsyncDisposable
{
    public const string AppId = "6f1d3c1e-2b7a-4c1e-9f3a-1d2c3b4a5e6f";
    public const string BotTenant = "0b5c7a8e-1f2d-4e3c-8a9b-7c6d5e4f3a2b";

    private BotTestHost(WebApplication app, string baseUrl, string contentRoot)
    {
        App = app;
        BaseUrl = baseUrl;
        ContentRoot = contentRoot;
        Client = new HttpClient { BaseAddress = new Uri(baseUrl + "/"), Timeout = TimeSpan.FromSeconds(120) };
    }

    public WebApplication App { get; }

    public string BaseUrl { get; }

    public string ContentRoot { get; }

    public HttpClient Client { get; }

    /// <summary>The feedback this host's store holds.</summary>
    public async Task<IReadOnlyList<FeedbackEntry>> FeedbackAsync() => await Get<IFeedbackStore>().ReadAllAsync().ToListAsync();

    /// <summary>Settings for a host that requires tokens from <paramref name="identity"/> and answers quickly in tests.</summary>
    public static Dictionary<string, string?> AuthenticatedSettings(FakeIdentity identity) => new()
    {
        ["Bot:MicrosoftAppId"] = AppId,
        ["Bot:MicrosoftAppTenantId"] = BotTenant,
        ["Bot:MicrosoftAppPassword"] = "test-client-secret",
        ["Bot:OpenIdMetadataUrl"] = identity.MetadataUrl,
    };

    public static async Task<BotTestHost> StartAsync(IDictionary<string, string?> settings, string environment = "Production", FakeIdentity? identity = null, Action<IServiceCollection>? services = null)
    {
        string contentRoot = Directory.CreateTempSubdirectory("sa-bot-").FullName;
        WebApplication app = BotApplication.Build(
            new WebApplicationOptions { EnvironmentName = environment, ContentRootPath = contentRoot, ApplicationName = typeof(BotApplication).Assembly.GetName().Name },
            builder =>
            {
                builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
                var all = new Dictionary<string, string?>
                {
                    ["Bot:RetryMinDelay"] = "00:00:00.050",
                    ["Bot:RetryMaxDelay"] = "00:00:01",
                    ["Bot:TypingInterval"] = "00:00:30",
                    ["Logging:LogLevel:Default"] = "Warning",

                    // Each host builds its own Lucene index, so hosts running in parallel never race on index/lucene.
                    ["StrategyAssistant:IndexPath"] = Path.Combine(contentRoot, "lucene"),
                };
                foreach (KeyValuePair<string, string?> pair in settings)
                {
                    all[pair.Key] = pair.Value;
                }

                builder.Configuration.AddInMemoryCollection(all);
                if (identity is not null)
                {
                    builder.Services.AddSingleton(identity.MsalHttpClientFactory());
                }

                TestAnswering.Add(builder.Services, builder.Configuration);
                services?.Invoke(builder.Services);
            });
        await app.StartAsync();
        return new BotTestHost(app, LoopbackServer.BaseUrlOf(app), contentRoot);
    }

    public T Get<T>()
        where T : notnull => App.Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        try
        {
            Directory.Delete(ContentRoot, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
