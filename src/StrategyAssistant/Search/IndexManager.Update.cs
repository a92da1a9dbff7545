using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Lucene.Net.Index;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.Extensions.Logging;

namespace StrategyAssistant.Search;

/// <summary>Updating an index in place: only the files whose fingerprint changed have their entries deleted by file term
/// and written again, under one Lucene commit (a crash leaves the previous commit, whole).</summary>
public sealed partial class IndexManager
{
    /// <summary>Brings the index at <paramref name="path"/> up to <paramref name="knowledge"/>: in place by file terms when it was
    /// built with the same reading code and analysis, otherwise by a full build.</summary>
    public IndexBuildResult Update(string path, KnowledgeBase knowledge, CancellationToken cancellationToken = default) =>
        TryUpdate(path, knowledge, cancellationToken, out IndexBuildResult? result) ? result! : Build(path, knowledge, cancellationToken);

    /// <summary>What the entries were read and analysed with, apart from the documents' content; null when the knowledge does
    /// not say (it was not read by the ingestion stage, so it has no per-document hashes either).</summary>
    private string? BaseStamp(KnowledgeBase knowledge) =>
        knowledge.ReadingVersion is null || knowledge.DocumentHashes.Count == 0 ? null
            : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('|', knowledge.ReadingVersion, _analysis.Version, SchemaVersion))));

    private List<string> Copies() => [.. _analysis.Fields.Select(f => f.Name).Where(f => f is IndexFields.Reading or IndexFields.Bigram)];

    private Dictionary<string, string> CommitData(KnowledgeBase knowledge, IReadOnlyDictionary<string, string> fingerprints)
    {
        var data = new Dictionary<string, string> { [StampKey] = Stamp(knowledge) };
        if (BaseStamp(knowledge) is { } baseStamp)
        {
            data[BaseKey] = baseStamp;
            data[FilesKey] = IndexFingerprints.Format(fingerprints);
        }

        return data;
    }

    private bool TryUpdate(string path, KnowledgeBase knowledge, CancellationToken cancellationToken, out IndexBuildResult? result)
    {
        result = null;
        string? baseStamp = BaseStamp(knowledge);
        if (baseStamp is null || !System.IO.Directory.Exists(path))
        {
            return false;
        }

        var stopwatch = Stopwatch.StartNew();
        try
        {
            using FSDirectory directory = FSDirectory.Open(path);
            if (!DirectoryReader.IndexExists(directory))
            {
                return false;
            }

            IDictionary<string, string> data;
            using (DirectoryReader reader = DirectoryReader.Open(directory))
            {
                data = reader.IndexCommit.UserData;
            }

            if (!data.TryGetValue(BaseKey, out string? built) || built != baseStamp || !data.TryGetValue(FilesKey, out string? files))
            {
                return false;
            }

            IReadOnlyDictionary<string, string> before = IndexFingerprints.Parse(files);
            IReadOnlyDictionary<string, string> now = IndexFingerprints.Of(knowledge);
            var changed = new HashSet<string>(now.Where(f => before.GetValueOrDefault(f.Key) != f.Value).Select(f => f.Key), StringComparer.Ordinal);
            changed.UnionWith(before.Keys.Where(f => !now.ContainsKey(f)));
            using (Lucene.Net.Analysis.Analyzer analyzer = _analysis.CreateAnalyzer())
            {
                var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer)
                {
                    OpenMode = OpenMode.APPEND,
                    Similarity = new BM25Similarity(),
                    RAMBufferSizeMB = 64,
                };
                using var writer = new IndexWriter(directory, config);
                try
                {
                    if (changed.Count > 0)
                    {
                        writer.DeleteDocuments([.. changed.Select(f => new Term(IndexFields.File, f))]);
                        IndexWriting.AddAll(writer, new IndexDocuments(new AnalysisMemo(analyzer), Copies()).All(knowledge, changed), cancellationToken);
                    }

                    writer.SetCommitData(CommitData(knowledge, now));
                    writer.Commit();
                }
                catch
                {
                    writer.Rollback();
                    throw;
                }
            }

            result = new IndexBuildResult(Path.GetFullPath(path), knowledge.Corpus.Documents.Count, knowledge.PassageCount, knowledge.KpiCount, knowledge.ProjectCount, stopwatch.Elapsed)
            {
                Reindexed = changed.Count,
                Incremental = true,
            };
            _logger.LogInformation("Updated the index at {Path} in place: {Changed} of {Documents} files written again in {Elapsed} ms.",
                result.Path, changed.Count, result.Documents, (int)result.Elapsed.TotalMilliseconds);
            return true;
        }
        catch (Exception ex) when (ex is IOException or CorruptIndexException or LockObtainFailedException or IndexFormatTooOldException
            or IndexFormatTooNewException or UnauthorizedAccessException)
        {
            _logger.LogInformation("The index at {Path} could not be updated in place ({Message}); building it anew.", path, ex.Message);
            return false;
        }
    }
}

/// <summary>Each file's fingerprint in the index: its content hash with those of every document of its city, because the
/// cross-document passes (the linkers) join records of one city: when any document of a city changes, that city's files
/// are written again, and no other's.</summary>
internal static class IndexFingerprints
{
    public static IReadOnlyDictionary<string, string> Of(KnowledgeBase knowledge)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (IGrouping<string, Documents.SourceDocument> city in knowledge.Corpus.Documents.GroupBy(d => d.City, StringComparer.Ordinal))
        {
            string siblings = string.Join(',', city.Select(d => knowledge.DocumentHashes.GetValueOrDefault(d.File, string.Empty)).Order(StringComparer.Ordinal));
            foreach (Documents.SourceDocument document in city)
            {
                string text = string.Join('|', document.File, knowledge.DocumentHashes.GetValueOrDefault(document.File, string.Empty), city.Key, siblings);
                result[document.File] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
            }
        }

        return result;
    }

    public static string Format(IReadOnlyDictionary<string, string> fingerprints) =>
        string.Join('\n', fingerprints.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Key + "\t" + f.Value));

    public static IReadOnlyDictionary<string, string> Parse(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')).Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
}

/// <summary>Writes entries with one IndexWriter from every core: Lucene gives each thread its own in-memory segment, so
/// analysis (the tokenizer, most of the time) and inversion run in parallel. The order entries land in does not matter:
/// hits break score ties by id.</summary>
internal static class IndexWriting
{
    public static void AddAll(IndexWriter writer, IEnumerable<Func<Lucene.Net.Documents.Document>> entries, CancellationToken cancellationToken)
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(entries, System.Collections.Concurrent.EnumerablePartitionerOptions.NoBuffering), options, entry =>
            {
                writer.AddDocument(entry());
            });
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count > 0)
        {
            // The callers handle an IOException or a cancellation as thrown by a single-threaded build.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerExceptions[0]).Throw();
        }
    }
}
