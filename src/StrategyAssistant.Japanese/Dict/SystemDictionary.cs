using System.Diagnostics;

namespace StrategyAssistant.Japanese.Dict;

/// <summary>
/// Loads the embedded compiled IPADIC (<c>Dictionary/ipadic.bin.br</c>) once per process and exposes its parts.
/// </summary>
public sealed class SystemDictionary
{
    /// <summary>Manifest name of the embedded dictionary resource.</summary>
    public const string ResourceName = "StrategyAssistant.Japanese.Dictionary.ipadic.bin.br";

    private static readonly Lazy<SystemDictionary> s_instance = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private SystemDictionary(DictionaryData data, TimeSpan loadTime)
    {
        CharacterDefinition = new CharacterDefinition(data.CharClassMap, data.Invoke, data.Group);
        TokenInfo = new TokenInfoDictionary(data);
        Unknown = new UnknownDictionary(data, CharacterDefinition);
        ConnectionCosts = new ConnectionCosts(data.ConnectionCosts, data.ForwardSize, data.BackwardSize);
        LoadTime = loadTime;
    }

    /// <summary>The process-wide instance (loaded on first use).</summary>
    public static SystemDictionary Instance => s_instance.Value;

    /// <summary>Known words.</summary>
    public TokenInfoDictionary TokenInfo { get; }

    /// <summary>Unknown-word entries.</summary>
    public UnknownDictionary Unknown { get; }

    /// <summary>Connection costs.</summary>
    public ConnectionCosts ConnectionCosts { get; }

    /// <summary>Character classes.</summary>
    public CharacterDefinition CharacterDefinition { get; }

    /// <summary>Time it took to decompress and decode the dictionary.</summary>
    public TimeSpan LoadTime { get; }

    /// <summary>Loads a fresh copy from the embedded resource (for benchmarks; use <see cref="Instance"/> otherwise).</summary>
    public static SystemDictionary Load()
    {
        long start = Stopwatch.GetTimestamp();
        using Stream stream = OpenResource();
        DictionaryData data = DictionaryData.ReadCompressed(stream);
        return new SystemDictionary(data, Stopwatch.GetElapsedTime(start));
    }

    /// <summary>Loads a compiled dictionary from a Brotli-compressed stream.</summary>
    public static SystemDictionary Load(Stream compressed)
    {
        long start = Stopwatch.GetTimestamp();
        DictionaryData data = DictionaryData.ReadCompressed(compressed);
        return new SystemDictionary(data, Stopwatch.GetElapsedTime(start));
    }

    /// <summary>Opens the embedded compressed dictionary resource.</summary>
    public static Stream OpenResource() =>
        typeof(SystemDictionary).Assembly.GetManifestResourceStream(ResourceName)
        ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
}
