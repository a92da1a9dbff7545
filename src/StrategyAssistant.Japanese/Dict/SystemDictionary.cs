using System.Diagnostics;

namespace StrategyAssistant.Japanese.Dict;

/// <summary>
/// Loads the embedded compiled IPADIC (<c>Dictionary/ipadic.bin.br</c>) once per process and exposes its parts.
/// </summary>
public sealed class SystemDictionary
{
    /// <summary>Manifest name of the embedded dictionary resource.</summary>
    public const string ResourceName = "StrategyAssistant.Japanese.Dictionary.ipadic.bin.br";

    private static readonly Lazy<SystemDictionary> s_instance = new(LoadDefault, LazyThreadSafetyMode.ExecutionAndPublication);

    private SystemDictionary(DictionaryData data, TimeSpan loadTime)
    {
        CharacterDefinition = new CharacterDefinition(data.CharClassMap, data.Invoke, data.Group);
        var strings = StringPool.FromStrings(data.Strings);
        TokenInfo = new TokenInfoDictionary(data, strings);
        Unknown = new UnknownDictionary(data, strings, CharacterDefinition);
        ConnectionCosts = new ConnectionCosts(data.ConnectionCosts, data.ForwardSize, data.BackwardSize);
        LoadTime = loadTime;
        LoadedFrom = "embedded";
    }

    internal SystemDictionary(CharacterDefinition characters, TokenInfoDictionary tokens, UnknownDictionary unknown, ConnectionCosts costs, TimeSpan loadTime, string loadedFrom)
    {
        CharacterDefinition = characters;
        TokenInfo = tokens;
        Unknown = unknown;
        ConnectionCosts = costs;
        LoadTime = loadTime;
        LoadedFrom = loadedFrom;
    }

    /// <summary>The process-wide instance, loaded on first use: from this build's uncompressed image in the per-user cache
    /// when there is one (see <see cref="LoadCached"/>), else from the embedded resource.</summary>
    public static SystemDictionary Instance => s_instance.Value;

    /// <summary><c>embedded</c>, or the path of the uncompressed image it was read from.</summary>
    public string LoadedFrom { get; }

    /// <summary>Reads this build's uncompressed image from <paramref name="imagePath"/> (default: the per-user cache folder,
    /// or <c>STRATEGY_ASSISTANT_DICTIONARY_CACHE</c>; <c>off</c> disables it); when it is missing or unusable, loads the
    /// embedded resource and writes the image atomically for the next process.</summary>
    public static SystemDictionary LoadCached(string? imagePath = null)
    {
        long start = Stopwatch.GetTimestamp();
        string? path = imagePath ?? DictionaryImage.DefaultPath();
        if (path is not null && DictionaryImage.TryRead(path, start) is { } image)
        {
            return image;
        }

        SystemDictionary loaded = Load();
        if (path is not null)
        {
            DictionaryImage.TryWrite(loaded, path);
        }

        return loaded;
    }

    private static SystemDictionary LoadDefault() => LoadCached();

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
