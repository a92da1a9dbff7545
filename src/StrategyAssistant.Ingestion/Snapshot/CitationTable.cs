using System.Text.Json;
using System.Text.Json.Serialization;
using StrategyAssistant.Documents;

namespace StrategyAssistant.Ingestion;

/// <summary>Writes a citation as its number in the part's table of distinct citations while a snapshot part is written, and
/// reads the number back to the table's shared instance: a KPI cites the same lines from its source, baseline, target and
/// series, and a citation repeats its file, title, city and quote. The table itself is written with the ordinary
/// serializer, so every field a <see cref="Citation"/> has (or gains) is kept; distinct means unequal as records. Outside a
/// table scope a citation is written and read as an ordinary object.</summary>
internal sealed class CitationTable : JsonConverter<Citation>
{
    [ThreadStatic]
    private static Writing? t_writing;

    [ThreadStatic]
    private static Citation[]? t_reading;

    private readonly JsonSerializerOptions _plain;

    /// <param name="plain">Options without this converter, for the table and for citations outside a scope.</param>
    public CitationTable(JsonSerializerOptions plain) => _plain = plain;

    /// <summary>Numbers the citations written on this thread until the scope is disposed; <see cref="Writing.Table"/> is the table.</summary>
    public static Writing BeginWriting() => t_writing = new Writing();

    /// <summary>Reads citation numbers on this thread as <paramref name="table"/>'s entries until the scope is disposed.</summary>
    public static Reading BeginReading(Citation[] table)
    {
        t_reading = table;
        return default;
    }

    public override Citation? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            int index = reader.GetInt32();
            return t_reading is { } table && (uint)index < (uint)table.Length
                ? table[index]
                : throw new JsonException($"citation {index} is not in the part's table");
        }

        return JsonSerializer.Deserialize<Citation>(ref reader, _plain);
    }

    public override void Write(Utf8JsonWriter writer, Citation value, JsonSerializerOptions options)
    {
        if (t_writing is { } writing)
        {
            writer.WriteNumberValue(writing.Number(value));
        }
        else
        {
            JsonSerializer.Serialize(writer, value, _plain);
        }
    }

    public sealed class Writing : IDisposable
    {
        private readonly Dictionary<Citation, int> _numbers = [];

        /// <summary>The distinct citations in the order they were first written.</summary>
        public List<Citation> Table { get; } = [];

        internal int Number(Citation citation)
        {
            if (!_numbers.TryGetValue(citation, out int number))
            {
                _numbers[citation] = number = Table.Count;
                Table.Add(citation);
            }

            return number;
        }

        public void Dispose() => t_writing = null;
    }

    public readonly struct Reading : IDisposable
    {
        public void Dispose() => t_reading = null;
    }
}
