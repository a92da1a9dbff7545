using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace StrategyAssistant.Stores;

/// <summary>Registers <see cref="IConversationStore"/>, <see cref="IFeedbackStore"/> and <see cref="IActivityLog"/> on the engine
/// chosen by <see cref="StoreOptions.Provider"/>, and migrates the database when the host starts.</summary>
public static class StoreServiceCollectionExtensions
{
    public static IServiceCollection AddStateStores(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StoreOptions>()
            .Bind(configuration.GetSection(StoreOptions.SectionName))
            .Validate(o => o.EffectiveProvider != StoreProvider.PostgreSql || !string.IsNullOrWhiteSpace(o.ConnectionString), "Stores:ConnectionString is required for Stores:Provider postgresql.")
            .Validate(o => o.ActivityRetention > TimeSpan.Zero && o.ActivityLease > TimeSpan.Zero && o.ConversationRetention > TimeSpan.Zero, "Stores: retention and lease must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp =>
        {
            StoreOptions o = sp.GetRequiredService<IOptions<StoreOptions>>().Value;
            return o.EffectiveProvider switch
            {
                StoreProvider.PostgreSql => StateDatabase.PostgreSql(o.ConnectionString!),
                _ => StateDatabase.Sqlite(ResolvePath(sp, o.SqlitePath)),
            };
        });
        services.TryAddSingleton<IActivityLog>(sp =>
        {
            StoreOptions o = sp.GetRequiredService<IOptions<StoreOptions>>().Value;
            TimeProvider time = sp.GetRequiredService<TimeProvider>();
            return o.EffectiveProvider == StoreProvider.Memory
                ? new InMemoryActivityLog(time, o.ActivityRetention, o.ActivityLease)
                : new SqlActivityLog(sp.GetRequiredService<StateDatabase>(), time, o.ActivityRetention, o.ActivityLease);
        });
        services.TryAddSingleton<IConversationStore>(sp =>
        {
            StoreOptions o = sp.GetRequiredService<IOptions<StoreOptions>>().Value;
            return o.EffectiveProvider == StoreProvider.Memory
                ? new InMemoryConversationStore()
                : new SqlConversationStore(sp.GetRequiredService<StateDatabase>(), sp.GetRequiredService<TimeProvider>(), o.ConversationRetention);
        });
        services.TryAddSingleton<IFeedbackStore>(sp =>
        {
            StoreOptions o = sp.GetRequiredService<IOptions<StoreOptions>>().Value;
            return o.EffectiveProvider == StoreProvider.Memory
                ? new JsonlFeedbackStore(ResolvePath(sp, o.FeedbackJsonlPath))
                : new SqlFeedbackStore(sp.GetRequiredService<StateDatabase>());
        });
        services.AddHostedService<StateStoreMigrator>();
        return services;
    }

    private static string ResolvePath(IServiceProvider services, string path)
    {
        if (Path.IsPathRooted(path))
        {
            return path;
        }

        string root = services.GetService<IHostEnvironment>()?.ContentRootPath ?? Directory.GetCurrentDirectory();
        return Path.Combine(root, path);
    }
}

/// <summary>Applies the schema migrations when the host starts, so a broken or newer database stops start-up with its message
/// rather than failing the first request.</summary>
internal sealed class StateStoreMigrator : IHostedService
{
    private readonly IServiceProvider _services;

    public StateStoreMigrator(IServiceProvider services)
    {
        _services = services;
    }

    public Task StartAsync(CancellationToken cancellationToken) =>
        _services.GetRequiredService<IOptions<StoreOptions>>().Value.EffectiveProvider == StoreProvider.Memory
            ? Task.CompletedTask
            : _services.GetRequiredService<StateDatabase>().MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
