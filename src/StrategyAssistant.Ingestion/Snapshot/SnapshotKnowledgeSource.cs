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
        KnowledgeSnapshot? snapshot = SnapshotFile.TryRead(path, out string? problem);
        if (problem is not null)
        {
            _logger.LogWarning("The snapshot {Path} is unreadable ({Problem}); ingesting again.", path, problem);
        }

        if (snapshot is not null && string.Equals(snapshot.Stamp, stamp, StringComparison.Ordinal))
        {
            LastLoad = "snapshot";
            LastIngested = 0;
            // Files dropped in without a manifest entry do not change the content hash: report today's.
            KnowledgeBase served = snapshot.ToKnowledge();
            return served.WithProblems([.. served.Problems.Union(files.Problems.Select(p => p.Message), StringComparer.Ordinal)]);
        }

        // Documents whose hash the previous snapshot and ingest cache know are not read again.
        string cachePath = IngestCacheFile.PathFor(indexPath);
        string reading = _ingestor.ReadingVersion;
        IReadOnlyDictionary<string, IngestedPart>? reuse = snapshot is null ? null : IngestCacheFile.TryRead(cachePath)?.Reusable(snapshot, reading);
        IngestResult result = _ingestor.Ingest(files, reuse, Progress, cancellationToken);
        KnowledgeBase knowledge = result.Knowledge;
        LastIngested = result.Ingested;
        try
        {
            // The cache first: a snapshot is never newer than the cache it was read with.
            IngestCacheFile.Write(cachePath, IngestCache.From(result, reading));
            SnapshotFile.Write(path, KnowledgeSnapshot.From(knowledge, _ingestor.Vocabulary.Version));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _logger.LogWarning("Could not write the snapshot {Path} ({Message}); serving from memory.", path, ex.Message);
        }

        LastLoad = "ingested";
        return knowledge;
    }
}
