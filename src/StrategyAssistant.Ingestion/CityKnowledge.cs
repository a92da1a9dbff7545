using StrategyAssistant.Documents;
using StrategyAssistant.Ingestion.Interpreters;
using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion;

/// <summary>A document's share of the knowledge after its city's cross-document passes: its passages, its own records (KPIs
/// and projects as linked, the notes and totals its reading gave) and the section counts of its lines.</summary>
public sealed record DocumentShare(SourceDocument Source, string Hash, DocumentKnowledge Own);

/// <summary>One city's documents after the cross-document passes, which join only records of one city (the linkers match
/// a city's evaluation sheet with its strategy; provenance and places read each record's own document; a goal's project
/// count is per city): each document's share, and what was computed across them (the linkers' notes, the goals' stated
/// project counts). Adding or changing a document recomputes only its city.</summary>
public sealed record CityKnowledge(string City, IReadOnlyList<DocumentShare> Documents, IReadOnlyList<DataQualityNote> Notes, IReadOnlyList<StatedCount> Counts)
{
    /// <summary>The city of <paramref name="parts"/> (its documents in corpus order, before linking) through the cross-document passes.</summary>
    public static CityKnowledge Assemble(string city, IReadOnlyList<IngestedPart> parts)
    {
        RecordSet records = new([.. parts.SelectMany(p => p.Records.Kpis)], [.. parts.SelectMany(p => p.Records.Projects)], [.. parts.SelectMany(p => p.Records.Notes)])
        {
            Totals = [.. parts.SelectMany(p => p.Records.Totals)],
        };
        int ownNotes = records.Notes.Count;
        records = NotationInterpreters.Link(records);

        // A reused part's document comes from the snapshot with its lines only: its passages give back where each line stands.
        var corpus = new Corpus([.. parts.Select(p => p.Source.WithLocationsOf(p.Passages))], string.Empty);
        records = CitationPlaces.Apply(corpus, ProvenancePass.Apply(corpus, records));
        var number = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < parts.Count; i++)
        {
            number.TryAdd(parts[i].Source.File, i);
        }

        int Of(string? file) => file is not null && number.TryGetValue(file, out int n) ? n : 0;
        var kpis = Split(records.Kpis, k => Of(k.Source.File), parts.Count);
        var projects = Split(records.Projects, p => Of(p.Source.File), parts.Count);
        var totals = Split(records.Totals, t => Of(t.Source.File), parts.Count);
        var sections = Split([.. records.StatedCounts.Where(c => c.Kind == StatedCountKind.Section)], c => Of(c.Source.File), parts.Count);

        // The notes each document's reading gave come first, in document order; the linkers' follow.
        var notes = new List<DataQualityNote>[parts.Count];
        int next = 0;
        for (int i = 0; i < parts.Count; i++)
        {
            notes[i] = [.. records.Notes.Skip(next).Take(parts[i].Records.Notes.Count)];
            next += parts[i].Records.Notes.Count;
        }

        var shares = new DocumentShare[parts.Count];
        for (int i = 0; i < parts.Count; i++)
        {
            IngestedPart part = parts[i];
            IReadOnlyList<Passage> passages = ProvenancePass.Apply(corpus, part.Passages);
            shares[i] = new DocumentShare(corpus.Documents[i], part.Hash, new DocumentKnowledge(passages, kpis[i], projects[i], notes[i], totals[i], sections[i]));
        }

        return new CityKnowledge(city, shares, [.. records.Notes.Skip(ownNotes)], [.. records.StatedCounts.Where(c => c.Kind != StatedCountKind.Section)]);
    }

    /// <summary>Which of the city's documents (by number in <see cref="Documents"/>) an item computed across them is kept
    /// with: the document it cites first, else the city's first.</summary>
    public int DocumentOf(string? file)
    {
        for (int i = 0; i < Documents.Count; i++)
        {
            if (Documents[i].Source.File == file)
            {
                return i;
            }
        }

        return 0;
    }

    private static List<T>[] Split<T>(IReadOnlyList<T> items, Func<T, int> document, int count)
    {
        var lists = new List<T>[count];
        for (int i = 0; i < count; i++)
        {
            lists[i] = [];
        }

        foreach (T item in items)
        {
            lists[document(item)].Add(item);
        }

        return lists;
    }
}

/// <summary>The corpus-wide order of the cities' knowledge: documents in corpus order for what each document holds (passages,
/// KPIs, projects, its own notes, totals, section counts); the linkers' notes after every document's own, city by city; the
/// goals' project counts before the section counts, city by city. The snapshot's parts and a full build both follow it.</summary>
public static class CityOrder
{
    /// <summary>The cities of <paramref name="documents"/> (corpus order) in order of their first document.</summary>
    public static IEnumerable<IGrouping<string, T>> Cities<T>(IEnumerable<T> documents, Func<T, string> city) =>
        documents.GroupBy(city, StringComparer.Ordinal);

    /// <summary>The knowledge of every city as corpus-wide lists, documents in <paramref name="files"/>' order.</summary>
    public static (IReadOnlyList<Passage> Passages, RecordSet Records) Merge(IReadOnlyList<CityKnowledge> cities, IReadOnlyList<string> files)
    {
        var shares = cities.SelectMany(c => c.Documents).ToDictionary(d => d.Source.File, d => d.Own, StringComparer.Ordinal);
        var own = files.Where(shares.ContainsKey).Select(f => shares[f]).ToList();
        var records = new RecordSet(
            [.. own.SelectMany(d => d.Kpis)],
            [.. own.SelectMany(d => d.Projects)],
            [.. own.SelectMany(d => d.Notes), .. cities.SelectMany(c => c.Notes)])
        {
            Totals = [.. own.SelectMany(d => d.Totals)],
            StatedCounts = [.. cities.SelectMany(c => c.Counts), .. own.SelectMany(d => d.StatedCounts)],
        };
        return ([.. own.SelectMany(d => d.Passages)], records);
    }
}
