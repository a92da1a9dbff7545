using System.Text.Json;
using Microsoft.Win32.SafeHandles;
using StrategyAssistant.Documents;
using StrategyAssistant.Records;
using static StrategyAssistant.Ingestion.PartFile;

namespace StrategyAssistant.Ingestion;

/// <summary>The snapshot file's layout (a <see cref="PartFile"/>): per document its lines and its part (passages and own
/// records, with its citation table); per city a small part of what its cross-document passes computed (the linkers' notes,
/// the goals' project counts); then a footer with the stamp, each document's entry, hash, item counts and what its part
/// holds (<see cref="DocumentPartIndex"/>), each city's documents, and every segment's place and checksum. A city whose
/// documents did not change is written again by copying its segments' bytes (<see cref="SnapshotCity.Kept"/>).</summary>
internal static class SnapshotContainer
{
    private const long Magic = 0x3430_5041_4E53_4153; // "SASNAP04" little-endian
    private const long PreviousMagic = 0x3330_5041_4E53_4153; // "SASNAP03": schema 4, records in chunks of the whole corpus

    public static void Write(Stream stream, SnapshotHeader header, IReadOnlyList<string> order, IReadOnlyList<SnapshotCity> cities, JsonSerializerOptions options, JsonSerializerOptions tableOptions)
    {
        var parts = new List<Part>();
        var documents = new Dictionary<string, (int Lines, int Part, Func<Place[], Place[], FooterDocument> Entry)>(StringComparer.Ordinal);
        var cityParts = new List<(int Part, Func<Place[], FooterCity> Entry)>();
        foreach (SnapshotCity city in cities)
        {
            if (city.Kept is { } kept)
            {
                foreach (FooterDocument document in kept.Documents)
                {
                    documents[document.Info.File] = (AddCopy(parts, kept.Handle, document.Lines), AddCopy(parts, kept.Handle, document.Part.Table, document.Part.Items),
                        (lines, part) => document with { Lines = lines[0], Part = Tabled(part) });
                }

                cityParts.Add((AddCopy(parts, kept.Handle, kept.City.Part.Table, kept.City.Part.Items), part => kept.City with { Part = Tabled(part) }));
                continue;
            }

            CityKnowledge knowledge = city.Computed!;
            int[] noteDocuments = [.. knowledge.Notes.Select(n => knowledge.DocumentOf(n.Sources.Count > 0 ? n.Sources[0].File : null))];
            int[] countDocuments = [.. knowledge.Counts.Select(c => knowledge.DocumentOf(c.Source.File))];
            for (int i = 0; i < knowledge.Documents.Count; i++)
            {
                DocumentShare share = knowledge.Documents[i];
                DocumentKnowledge own = share.Own;
                DocumentKnowledge whole = Compose(own, knowledge.Notes, noteDocuments, knowledge.Counts, countDocuments, i);
                var counts = new PartCounts(own.Passages.Count, own.Kpis.Count, own.Projects.Count, own.Notes.Count, own.Totals.Count, own.StatedCounts.Count);
                DocumentPartIndex index = DocumentPartIndex.Of(share.Source.File, share.Source.City, whole);
                IReadOnlyList<string> lines = share.Source.Lines;
                documents[share.Source.File] = (Add(parts, () => [Compress(lines, options)]), AddTabled(parts, own, options, tableOptions),
                    (l, p) => new FooterDocument(share.Source.Info, share.Hash, lines.Count, l[0], Tabled(p), counts, index));
            }

            var cityPart = new CityPart(knowledge.Notes, knowledge.Counts);
            string[] files = [.. knowledge.Documents.Select(d => d.Source.File)];
            cityParts.Add((AddTabled(parts, cityPart, options, tableOptions),
                p => new FooterCity(knowledge.City, files, Tabled(p), PartOrder.Runs(noteDocuments), PartOrder.Runs(countDocuments))));
        }

        List<Place[]> places = WriteParts(stream, parts);
        var footerDocuments = order.Where(documents.ContainsKey).Select(f => documents[f]).Select(d => d.Entry(places[d.Lines], places[d.Part])).ToList();
        var footerCities = cityParts.Select(c => c.Entry(places[c.Part])).ToList();
        WriteFooter(stream, new SnapshotFooter(KnowledgeSnapshot.SchemaVersion, header.Stamp, header.ContentHash, header.VocabularyVersion, header.ReadingVersion,
            header.Problems, footerDocuments, footerCities), Magic, options);
    }

    /// <exception cref="InvalidDataException">The file is not a snapshot of this layout, or its footer is damaged (a damaged
    /// part is reported by <see cref="KnowledgeSnapshot.Damaged"/> instead).</exception>
    public static KnowledgeSnapshot Open(string path, JsonSerializerOptions options, JsonSerializerOptions tableOptions)
    {
        SafeFileHandle handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
        try
        {
            SnapshotFooter footer = ReadFooter<SnapshotFooter>(handle, Magic, PreviousMagic, "previous snapshot layout (records in chunks of the corpus)", options);
            return new KnowledgeSnapshot(handle, footer, options, tableOptions);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>A document's whole part: its own items, with the items its city computed across documents that it keeps
    /// (notes after its own, goal counts before its section counts: the corpus-wide order, <see cref="CityOrder"/>).</summary>
    public static DocumentKnowledge Compose(DocumentKnowledge own, IReadOnlyList<DataQualityNote> notes, IReadOnlyList<int> noteDocuments,
        IReadOnlyList<StatedCount> counts, IReadOnlyList<int> countDocuments, int document)
    {
        if (!noteDocuments.Contains(document) && !countDocuments.Contains(document))
        {
            return own;
        }

        return own with
        {
            Notes = [.. own.Notes, .. notes.Where((_, i) => noteDocuments[i] == document)],
            StatedCounts = [.. counts.Where((_, i) => countDocuments[i] == document), .. own.StatedCounts],
        };
    }

    /// <summary>What a city's passes computed across its documents.</summary>
    internal sealed record CityPart(IReadOnlyList<DataQualityNote> Notes, IReadOnlyList<StatedCount> Counts);
}

/// <summary>How many items of each list a document's own part holds (for the corpus-wide order, without reading it).</summary>
internal sealed record PartCounts(int Passages, int Kpis, int Projects, int Notes, int Totals, int StatedCounts);

/// <summary>A document's entry in the footer.</summary>
internal sealed record FooterDocument(DocumentInfo Info, string? Hash, int LineCount, PartFile.Place Lines, PartFile.TabledPlace Part, PartCounts Counts, DocumentPartIndex Index);

/// <summary>A city's entry: its documents (corpus order), its part, and which of its documents (by number in
/// <paramref name="Files"/>) keeps each note and count of the part, as runs.</summary>
internal sealed record FooterCity(string City, IReadOnlyList<string> Files, PartFile.TabledPlace Part, IReadOnlyList<PartRun> Notes, IReadOnlyList<PartRun> Counts);

internal sealed record SnapshotFooter(
    int Schema, string Stamp, string ContentHash, string VocabularyVersion, string? ReadingVersion, IReadOnlyList<string> Problems,
    IReadOnlyList<FooterDocument> Documents, IReadOnlyList<FooterCity> Cities);

/// <summary>What a snapshot is stamped with.</summary>
public sealed record SnapshotHeader(string Stamp, string ContentHash, string VocabularyVersion, string? ReadingVersion, IReadOnlyList<string> Problems);

/// <summary>A city to write: computed now, or kept from the previous snapshot (its segments copied as they are).</summary>
public sealed class SnapshotCity
{
    private SnapshotCity(CityKnowledge? computed, KeptCity? kept)
    {
        Computed = computed;
        Kept = kept;
    }

    public CityKnowledge? Computed { get; }

    internal KeptCity? Kept { get; }

    public static SnapshotCity Of(CityKnowledge city) => new(city, null);

    internal static SnapshotCity Of(KeptCity city) => new(null, city);
}

/// <summary>A city of an open snapshot, with its documents' entries and the handle its segments are copied from.</summary>
internal sealed record KeptCity(SafeFileHandle Handle, FooterCity City, IReadOnlyList<FooterDocument> Documents);
