using System.Text.Json.Serialization;
using StrategyAssistant.Documents;
using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion;

/// <summary>Source-generated metadata for every type the snapshot and the ingest cache read and write: a fresh process
/// decodes its footer and parts without reflecting over the record types. The converters of the options
/// (<see cref="SharedStrings"/>, <see cref="CitationTable"/>) still apply.</summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(SnapshotFooter))]
[JsonSerializable(typeof(CacheFooter))]
[JsonSerializable(typeof(DocumentKnowledge))]
[JsonSerializable(typeof(SnapshotContainer.CityPart))]
[JsonSerializable(typeof(RecordSet))]
[JsonSerializable(typeof(Citation[]))]
[JsonSerializable(typeof(List<Citation>))]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
internal sealed partial class SnapshotJson : JsonSerializerContext;
