using Microsoft.Extensions.Options;
using StrategyAssistant.Answering;
using StrategyAssistant.Bot.Auth;
using StrategyAssistant.Bot.Connector;
using StrategyAssistant.Bot.Feedback;
using StrategyAssistant.Bot.Protocol;
using StrategyAssistant.Bot.WebChat;
using StrategyAssistant.Stores;

namespace StrategyAssistant.Bot;

/// <summary>Composes the bot host: options, inbound authentication, the queue and worker, the connector client, feedback,
/// and the endpoints (<c>POST /api/messages</c>, <c>POST /api/ask</c>, <c>GET /api/examples</c>, <c>GET /healthz</c>, the web chat at <c>/</c>).</summary>
public static class BotApplication
{
    /// <summary>Builds the host. <paramref name="configure"/> adds the answer service (and, in tests, overrides).</summary>
    public static WebApplication Build(WebApplicationOptions webOptions, Action<WebApplicationBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        WebApplicationBuilder builder = WebApplication.CreateBuilder(webOptions);
        builder.Services.AddBotHost(builder.Configuration);
        configure(builder);
        WebApplication app = builder.Build();
        if (app.Services.GetService<IServiceProviderIsService>() is { } isService && !isService.IsService(typeof(IAnswerService)))
        {
            throw new InvalidOperationException("No IAnswerService is registered: the bot host has nothing to answer with.");
        }

        MapEndpoints(app);
        app.Services.GetRequiredService<InboundAuthenticator>().LogMode();
        return app;
    }

    public static IServiceCollection AddBotHost(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BotOptions>().Bind(configuration.GetSection(BotOptions.SectionName)).Validate(
            o => o.MaxRequestBodyBytes > 0 && o.MaxReplyBytes > 1024 && o.QueueCapacity > 0 && o.MaxRetries >= 0 && o.RetryMinDelay >= TimeSpan.Zero && o.RetryMaxDelay >= o.RetryMinDelay,
            "Bot: sizes, queue capacity and retry settings must be positive, and RetryMaxDelay ≥ RetryMinDelay.").ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddBotConnectorAuthentication();
        services.AddSingleton<IConnectorTokenProvider>(sp => new MsalConnectorTokenProvider(
            sp.GetRequiredService<IOptions<BotOptions>>(),
            sp.GetService<Microsoft.Identity.Client.IMsalHttpClientFactory>()));
        services.AddBotConnectorClient(configuration);
        services.AddSingleton<BotWorkQueue>();
        services.AddSingleton<SentAnswerLog>();
        services.AddStateStores(configuration);
        services.AddSingleton<MessagesEndpoint>();
        services.AddHostedService<BotReplyWorker>();
        return services;
    }

    private static void MapEndpoints(WebApplication app)
    {
        app.MapPost("/api/messages", (HttpContext context, MessagesEndpoint endpoint) => endpoint.HandleAsync(context));
        app.MapPost("/api/ask", AskEndpoint.HandleAsync);
        app.MapGet("/api/examples", (IOptions<BotOptions> options) => Results.Json(options.Value.EffectiveExampleQuestions, Protocol.ActivityJson.Options));
        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapWebChat();
    }
}
