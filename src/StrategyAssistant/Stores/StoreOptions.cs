namespace StrategyAssistant.Stores;

/// <summary>Where conversation state, feedback and the activity log live, bound from the <c>Stores</c> configuration section.</summary>
public sealed class StoreOptions
{
    public const string SectionName = "Stores";

    /// <summary><c>sqlite</c> (the embedded default: one file, WAL), <c>postgresql</c> (shared by several instances) or
    /// <c>memory</c> (this process only; nothing survives a restart).</summary>
    public string Provider { get; set; } = "sqlite";

    /// <summary>The SQLite database file (relative paths: under the host's content root).</summary>
    public string SqlitePath { get; set; } = "data/state.db";

    /// <summary>The JSON Lines feedback file of the <c>memory</c> provider (relative paths: under the host's content root).</summary>
    public string FeedbackJsonlPath { get; set; } = "data/feedback.jsonl";

    /// <summary>The PostgreSQL connection string (Npgsql syntax), for <see cref="Provider"/> <c>postgresql</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>How long a handled activity is remembered so a re-delivery is not processed again.</summary>
    public TimeSpan ActivityRetention { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How long a claim on an activity holds before another instance may take it over (its instance died mid-answer).</summary>
    public TimeSpan ActivityLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Conversations idle for longer are forgotten.</summary>
    public TimeSpan ConversationRetention { get; set; } = TimeSpan.FromDays(30);

    public StoreProvider EffectiveProvider => Provider.Trim().ToLowerInvariant() switch
    {
        "" or "sqlite" => StoreProvider.Sqlite,
        "postgresql" or "postgres" or "npgsql" => StoreProvider.PostgreSql,
        "memory" => StoreProvider.Memory,
        _ => throw new InvalidOperationException($"Unknown Stores:Provider '{Provider}' (sqlite, postgresql or memory)."),
    };
}

public enum StoreProvider
{
    Sqlite,
    PostgreSql,
    Memory,
}
