using Microsoft.Extensions.Logging;

namespace StrategyAssistant.Ingestion;

/// <summary>Serving's knowledge: the snapshot beside the index when its stamp matches the corpus bytes, the vocabulary and
/// the reading versions (no extractor runs); otherwise ingestion runs once and writes the snapshot atomically. An unwritable
/// index folder only costs the next start its speed: the knowledge is served from memory and the log says so.</summary>
public sealed class SnapshotKnowledgeSource : IKnowledgeSource
{
    private readonly CorpusIngestor _ingestor;
    private readonly ILogger<SnapshotKnowledgeSource> _logger;

    public SnapshotKnowledgeSource(CorpusIngestor ingestor, ILogger<SnapshotKnowledgeSource> logger)
    {
        _ingestor = ingestor;
        _logger = logger;
    }

    /// <summary>How the last <see cref="Load"/> got its knowledge: "snapshot" or "ingested".</summary>
    public string? LastLoad { get; private set; }

    /// <summary>How many documents the last <see cref="Load"/> read (0 when it served the snapshot; 1 after one document was added
    /// to a corpus whose snapshot and ingest cache were current).</summary>
    public int LastIngested { get; private set; }

    /// <summary>Heard per document when ingestion runs (a host may print progress lines).</summary>
    public IProgress<DocumentIngest>? Progress { get; set; }

    public KnowledgeBase Load(string documentsPath, string indexPath, CancellationToken cancellationToken = default)
    {
        CorpusFiles files = _ingestor.ReadFiles(documentsPath);
        string stamp = _ingestor.Stamp(files.ContentHash);
        string path = SnapshotFile.PathFor(indexPath);
        KnowledgeSnapshot? snapshot = SnapshotFile.TryOpen(path, out string? problem);
        if (problem is not null)
        {
            _logger.LogWarning("The snapshot {Path} is unreadable ({Problem}); ingesting again.", path, problem);
        }

        if (snapshot is { Damaged.Count: 0 } && string.Equals(snapshot.Stamp, stamp, StringComparison.Ordinal))
        {
            LastLoad = "snapshot";
            LastIngested = 0;
            // Files dropped in without a manifest entry do not change the content hash: report today's.
            KnowledgeBase served = snapshot.ToKnowledge();
            return served.WithProblems([.. served.Problems.Union(files.Problems.Select(p => p.Message), StringComparer.Ordinal)]);
        }

        // Cities whose documents the previous snapshot holds unchanged are copied as they are; of the others, documents whose
        // hash the previous snapshot and ingest cache know are not read again.
        string cachePath = IngestCacheFile.PathFor(indexPath);
        string reading = _ingestor.ReadingVersion;
        KnowledgeSnapshot? previous = snapshot?.ReadingVersion == reading ? snapshot : null;
        IngestCacheReader? cache = previous is null ? null : IngestCacheFile.TryOpen(cachePath, reading);
        var kept = new Dictionary<string, KeptCity>(StringComparer.Ordinal);
        if (previous is not null)
        {
            var documents = files.Documents.Select((d, i) => (d.Info, Hash: files.DocumentHashes[i])).ToList();
            foreach (IGrouping<string, (Documents.DocumentInfo Info, string Hash)> city in CityOrder.Cities(documents, d => d.Info.City))
            {
                if (previous.Keep(city.Key, [.. city]) is { } same)
                {
                    kept[city.Key] = same;
                }
            }
        }

        CityIngest read = _ingestor.IngestCities(files, previous is null ? null : (hash, info) => previous.Reusable(hash, info, cache),
            city => !kept.ContainsKey(city), Progress, cancellationToken);
        LastIngested = read.Ingested;
        LastLoad = "ingested";
        var computed = read.Cities.ToDictionary(c => c.City, StringComparer.Ordinal);
        var header = new SnapshotHeader(stamp, files.ContentHash, _ingestor.Vocabulary.Version, reading, [.. read.Problems.Select(p => p.Message)]);
        var order = files.Documents.Select(d => d.Info.File).ToList();
        var cities = CityOrder.Cities(files.Documents, d => d.Info.City).Select(c => c.Key)
            .Select(c => kept.TryGetValue(c, out KeptCity? k) ? SnapshotCity.Of(k) : computed.TryGetValue(c, out CityKnowledge? n) ? SnapshotCity.Of(n) : null)
            .OfType<SnapshotCity>().ToList();
        try
        {
            // The cache first: a snapshot is never newer than the cache it was read with.
            IngestCacheFile.Write(cachePath, reading, read.Parts, kept.Values.SelectMany(k => k.Documents).Select(d => d.Hash).OfType<string>(), cache);
            SnapshotFile.Write(path, header, order, cities);
            if (kept.Count == 0)
            {
                return _ingestor.Knowledge(files, read.Cities, read.Problems);
            }

            // Served from the file just written: the kept cities are read as queries need them, like any snapshot.
            return SnapshotFile.TryRead(path, out string? written) is { } fresh && written is null
                ? fresh.ToKnowledge()
                : throw new IOException($"the snapshot just written cannot be read ({written})");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _logger.LogWarning("Could not write the snapshot {Path} ({Message}); serving from memory.", path, ex.Message);
            if (kept.Count == 0)
            {
                return _ingestor.Knowledge(files, read.Cities, read.Problems);
            }

            // Every city in memory: the kept ones from the previous snapshot and cache.
            var done = read.Parts.ToDictionary(p => p.Hash, StringComparer.Ordinal);
            CityIngest all = _ingestor.IngestCities(files, (hash, info) => done.GetValueOrDefault(hash) ?? previous?.Reusable(hash, info, cache), null, null, cancellationToken);
            return _ingestor.Knowledge(files, all.Cities, all.Problems);
        }
    }
}
