using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace StrategyAssistant.Ingestion;

/// <summary>Reads short JSON strings (a city, file, title, department, unit, heading, a short quote) as one shared instance per distinct value while a snapshot is read, looked up
/// from the UTF-8 bytes without allocating a string for a repeat. Longer strings (passage text) are read as they are.</summary>
internal sealed class SharedStrings : JsonConverter<string>
{
    private const int MaxSharedBytes = 256;

    [ThreadStatic]
    private static ConcurrentDictionary<string, string>? t_pool;

    /// <summary>A pool for one load, shared by the threads that read its parts.</summary>
    public static ConcurrentDictionary<string, string> NewPool() => new(StringComparer.Ordinal);

    /// <summary>Shares strings read on this thread through <paramref name="pool"/> until the returned scope is disposed.</summary>
    public static Scope Begin(ConcurrentDictionary<string, string>? pool = null)
    {
        t_pool = pool ?? NewPool();
        return default;
    }

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (t_pool is not { } pool || reader.HasValueSequence || reader.ValueIsEscaped || reader.ValueSpan.Length > MaxSharedBytes)
        {
            return reader.GetString();
        }

        Span<char> chars = stackalloc char[reader.ValueSpan.Length];
        int length = Encoding.UTF8.GetChars(reader.ValueSpan, chars);
        ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> lookup = pool.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(chars[..length], out string? shared))
        {
            return shared;
        }

        string value = new(chars[..length]);
        return pool.GetOrAdd(value, value);
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    public readonly struct Scope : IDisposable
    {
        public void Dispose() => t_pool = null;
    }
}
