using StrategyAssistant.Documents;
using StrategyAssistant.Records;

namespace StrategyAssistant;

/// <summary>One document's share of the knowledge: the passages of its lines and the records whose own source it is (a
/// note with no source falls to the first document), each list in corpus order.</summary>
public sealed record DocumentKnowledge(
    IReadOnlyList<Passage> Passages,
    IReadOnlyList<KpiRecord> Kpis,
    IReadOnlyList<ProjectRecord> Projects,
    IReadOnlyList<DataQualityNote> Notes,
    IReadOnlyList<ListTotal> Totals,
    IReadOnlyList<StatedCount> StatedCounts)
{
    public static DocumentKnowledge Empty { get; } = new([], [], [], [], [], []);
}

/// <summary>What a document's part answers for without being read: the cities its records name and the files its items cite
/// beyond its own, and whether it holds strays (an item of another file, or whose id does not start with its file: then
/// look-ups by file or id read this part too).</summary>
public sealed record DocumentPartIndex(IReadOnlyList<string> OtherCities, IReadOnlyList<string> OtherFiles, bool Strays = false)
{
    public static DocumentPartIndex Of(string file, string city, DocumentKnowledge part)
    {
        IEnumerable<string> cities = part.Kpis.Select(k => k.City).Concat(part.Projects.Select(p => p.City)).Concat(part.Notes.Select(n => n.City))
            .Concat(part.Totals.Select(t => t.City)).Concat(part.StatedCounts.Select(c => c.City));
        IEnumerable<string> files = part.Kpis.SelectMany(k => k.AllSources()).Concat(part.Projects.Select(p => p.Source))
            .Concat(part.Notes.SelectMany(n => n.Sources)).Select(c => c.File).Concat(part.Passages.Select(p => p.File));
        string prefix = file + ":";
        IEnumerable<string> own = part.Passages.Select(p => p.File).Concat(part.Kpis.Select(k => k.Source.File)).Concat(part.Projects.Select(p => p.Source.File))
            .Concat(part.Totals.Select(t => t.Source.File)).Concat(part.StatedCounts.Select(c => c.Source.File));
        bool foreign = own.Any(f => f != file)
            || part.Passages.Select(p => p.Id).Concat(part.Kpis.Select(k => k.Id)).Concat(part.Projects.Select(p => p.Id)).Any(id => !id.StartsWith(prefix, StringComparison.Ordinal));
        return new([.. cities.Where(c => c != city).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            [.. files.Where(f => f != file).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)], foreign);
    }
}

/// <summary>Where each list's items stand in the corpus-wide order: runs of (document, count), walked in order.</summary>
public sealed record PartOrder(
    IReadOnlyList<PartRun> Passages,
    IReadOnlyList<PartRun> Kpis,
    IReadOnlyList<PartRun> Projects,
    IReadOnlyList<PartRun> Notes,
    IReadOnlyList<PartRun> Totals,
    IReadOnlyList<PartRun> StatedCounts)
{
    /// <summary>The runs of a sequence of document numbers.</summary>
    public static IReadOnlyList<PartRun> Runs(IEnumerable<int> documents)
    {
        var runs = new List<PartRun>();
        foreach (int document in documents)
        {
            if (runs.Count > 0 && runs[^1].Document == document)
            {
                runs[^1] = runs[^1] with { Count = runs[^1].Count + 1 };
            }
            else
            {
                runs.Add(new PartRun(document, 1));
            }
        }

        return runs;
    }
}

/// <summary><paramref name="Count"/> consecutive items of the corpus-wide list come from document <paramref name="Document"/>.</summary>
public readonly record struct PartRun(int Document, int Count);

/// <summary>The knowledge cut into one part per document of the corpus (in its order), each read on first use.</summary>
public interface IKnowledgeParts
{
    PartOrder Order { get; }

    /// <summary>What document <paramref name="document"/>'s part holds, without reading it.</summary>
    DocumentPartIndex Index(int document);

    /// <summary>The part, read once (thread-safe) on first use.</summary>
    DocumentKnowledge Read(int document);
}

/// <summary>Parts of knowledge already in memory (ingestion's): each item goes to its own document's part.</summary>
public sealed class InMemoryParts : IKnowledgeParts
{
    private readonly DocumentKnowledge[] _parts;
    private readonly DocumentPartIndex[] _index;

    public InMemoryParts(Corpus corpus, IReadOnlyList<Passage> passages, RecordSet records)
    {
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < corpus.Documents.Count; i++)
        {
            numbers.TryAdd(corpus.Documents[i].File, i);
        }

        int Of(string? file) => file is not null && numbers.TryGetValue(file, out int n) ? n : 0;
        int count = Math.Max(1, corpus.Documents.Count);
        var p = Split(passages, x => Of(x.File), count, out var passageRuns);
        var k = Split(records.Kpis, x => Of(x.Source.File), count, out var kpiRuns);
        var j = Split(records.Projects, x => Of(x.Source.File), count, out var projectRuns);
        var n = Split(records.Notes, x => Of(x.Sources.Count > 0 ? x.Sources[0].File : null), count, out var noteRuns);
        var t = Split(records.Totals, x => Of(x.Source.File), count, out var totalRuns);
        var s = Split(records.StatedCounts, x => Of(x.Source.File), count, out var countRuns);
        Order = new PartOrder(passageRuns, kpiRuns, projectRuns, noteRuns, totalRuns, countRuns);
        _parts = [.. Enumerable.Range(0, count).Select(d => new DocumentKnowledge(p[d], k[d], j[d], n[d], t[d], s[d]))];
        _index = [.. Enumerable.Range(0, count).Select(d => d < corpus.Documents.Count
            ? DocumentPartIndex.Of(corpus.Documents[d].File, corpus.Documents[d].City, _parts[d])
            : DocumentPartIndex.Of(string.Empty, string.Empty, _parts[d]))];
    }

    public PartOrder Order { get; }

    public DocumentPartIndex Index(int document) => _index[document];

    public DocumentKnowledge Read(int document) => _parts[document];

    private static List<T>[] Split<T>(IReadOnlyList<T> items, Func<T, int> document, int count, out IReadOnlyList<PartRun> runs)
    {
        var lists = new List<T>[count];
        for (int i = 0; i < count; i++)
        {
            lists[i] = [];
        }

        var numbers = new int[items.Count];
        for (int i = 0; i < items.Count; i++)
        {
            numbers[i] = document(items[i]);
            lists[numbers[i]].Add(items[i]);
        }

        runs = PartOrder.Runs(numbers);
        return lists;
    }
}
