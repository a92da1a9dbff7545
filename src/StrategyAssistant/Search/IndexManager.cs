using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.Extensions.Logging;
using StrategyAssistant.Documents;
using StrategyAssistant.Records;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace StrategyAssistant.Search;

/// <summary>What an index build did.</summary>
/// <param name="Reindexed">The files whose entries were written: every file for a full build, only the changed ones (and
/// those of their cities) for an update in place.</param>
public sealed record IndexBuildResult(string Path, int Documents, int Passages, int Kpis, int Projects, TimeSpan Elapsed)
{
    public int Reindexed { get; init; } = Documents;

    /// <summary>True when the index was updated in place by file terms instead of rebuilt.</summary>
    public bool Incremental { get; init; }
}

/// <summary>The index's life: open it when it matches the corpus and the code, otherwise build it in a temporary folder and swap it in.
/// A crash mid-build leaves the previous index (or none) in place, never a half-written one; a corrupt index is rebuilt.</summary>
public sealed partial class IndexManager
{
    /// <summary>Commit user-data key holding the stamp the index was built for.</summary>
    internal const string StampKey = "strategy-assistant-stamp";

    /// <summary>Commit user-data key holding what the entries were read with, apart from the documents' content: an index
    /// with the same base can be updated in place file by file.</summary>
    internal const string BaseKey = "strategy-assistant-base";

    /// <summary>Commit user-data key holding each file's fingerprint (see <see cref="IndexFingerprints"/>).</summary>
    internal const string FilesKey = "strategy-assistant-files";

    /// <summary>Bump when the field layout changes.</summary>
    private const string SchemaVersion = "schema-3";

    private readonly ITextAnalysis _analysis;
    private readonly ILogger _logger;

    public IndexManager(ITextAnalysis analysis, ILogger<IndexManager> logger)
    {
        _analysis = analysis;
        _logger = logger;
    }

    /// <summary>What the index must have been built for: the knowledge's version (corpus content hash, reading and vocabulary
    /// versions), the analysis and the index schema. Not the assembly: rebuilding the code does not force a rebuild.</summary>
    public string Stamp(KnowledgeBase knowledge)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(string.Join('|', knowledge.Version, _analysis.Version, SchemaVersion));
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    /// <summary>Opens the index at <paramref name="path"/>, building it first when it is missing, stale or unreadable.</summary>
    public SearchIndex OpenOrBuild(string path, KnowledgeBase knowledge, CancellationToken cancellationToken = default)
    {
        string stamp = Stamp(knowledge);
        switch (TryOpen(path, stamp, out SearchIndex? index, out string? problem))
        {
            case OpenResult.Opened:
                return index!;
            case OpenResult.Missing:
                _logger.LogInformation("No index at {Path}; building it.", path);
                break;
            case OpenResult.Stale:
                _logger.LogInformation("The index at {Path} was built for other documents or code; rebuilding.", path);
                break;
            case OpenResult.Corrupt:
                _logger.LogWarning("The index at {Path} is unreadable ({Problem}); rebuilding it.", path, problem);
                break;
        }

        if (!TryUpdate(path, knowledge, cancellationToken, out _))
        {
            Build(path, knowledge, cancellationToken);
        }

        return TryOpen(path, stamp, out index, out problem) == OpenResult.Opened
            ? index!
            : throw new IOException($"The index at {path} could not be opened after a rebuild: {problem}");
    }

    /// <summary>Builds the index for <paramref name="knowledge"/> into a temporary folder and atomically puts it at <paramref name="path"/>.</summary>
    public IndexBuildResult Build(string path, KnowledgeBase knowledge, CancellationToken cancellationToken = default)
    {
        var stopwatch = Stopwatch.StartNew();
        string fullPath = Path.GetFullPath(path);
        string parent = Path.GetDirectoryName(fullPath.TrimEnd(Path.DirectorySeparatorChar))!;
        try
        {
            System.IO.Directory.CreateDirectory(parent);
            ProbeWritable(parent);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // One line that says what is wrong, instead of Lucene's "Lock obtain timed out" from deep inside a build.
            throw new IndexFolderException(
                $"The index folder {parent} is not writable ({ex.Message}) and the index there is missing or out of date; " +
                "make the folder writable or set StrategyAssistant__IndexPath to a writable folder.", ex);
        }

        RemoveStaleBuilds(parent, Path.GetFileName(fullPath));
        string temp = Path.Combine(parent, $"{Path.GetFileName(fullPath)}.tmp-{Guid.NewGuid():N}");
        try
        {
            using (FSDirectory directory = FSDirectory.Open(temp))
            using (Lucene.Net.Analysis.Analyzer analyzer = _analysis.CreateAnalyzer())
            {
                var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer)
                {
                    OpenMode = OpenMode.CREATE,
                    Similarity = new BM25Similarity(),
                    RAMBufferSizeMB = 64,
                    // A build writes a fresh folder that is swapped in whole: packing each flushed or merged segment into
                    // a compound file only copies its files once more.
                    UseCompoundFile = false,
                    MergePolicy = new TieredMergePolicy { NoCFSRatio = 0 },
                };
                using var writer = new IndexWriter(directory, config);
                IndexWriting.AddAll(writer, new IndexDocuments(new AnalysisMemo(analyzer), Copies()).All(knowledge), cancellationToken);
                writer.SetCommitData(CommitData(knowledge, IndexFingerprints.Of(knowledge)));
                writer.Commit();
            }

            Swap(temp, fullPath);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }

        var result = new IndexBuildResult(fullPath, knowledge.Corpus.Documents.Count, knowledge.PassageCount, knowledge.KpiCount, knowledge.ProjectCount, stopwatch.Elapsed);
        _logger.LogInformation("Built the index at {Path}: {Documents} documents, {Passages} passages, {Kpis} KPIs, {Projects} projects in {Elapsed} ms.",
            result.Path, result.Documents, result.Passages, result.Kpis, result.Projects, (int)result.Elapsed.TotalMilliseconds);
        return result;
    }

    private enum OpenResult
    {
        Opened,
        Missing,
        Stale,
        Corrupt,
    }

    private OpenResult TryOpen(string path, string stamp, out SearchIndex? index, out string? problem)
    {
        index = null;
        problem = null;
        if (!System.IO.Directory.Exists(path))
        {
            return OpenResult.Missing;
        }

        FSDirectory? directory = null;
        DirectoryReader? reader = null;
        try
        {
            directory = FSDirectory.Open(path);
            if (!DirectoryReader.IndexExists(directory))
            {
                problem = "no Lucene commit in the folder";
                directory.Dispose();
                return OpenResult.Corrupt;
            }

            reader = DirectoryReader.Open(directory);
            reader.IndexCommit.UserData.TryGetValue(StampKey, out string? built);
            if (!string.Equals(built, stamp, StringComparison.Ordinal))
            {
                reader.Dispose();
                directory.Dispose();
                return OpenResult.Stale;
            }

            // Verify every segment file's checksum once, so that a damaged file is found now, not in the middle of a question
            // (reads the files once; decoding every posting as CheckIndex does took seconds at 500 documents).
            foreach (AtomicReaderContext leaf in reader.Leaves)
            {
                leaf.AtomicReader.CheckIntegrity();
            }

            index = new SearchIndex(directory, reader, path, _analysis);
            return OpenResult.Opened;
        }
        catch (Exception ex) when (ex is IOException or CorruptIndexException or IndexFormatTooOldException or IndexFormatTooNewException
            or UnauthorizedAccessException or InvalidOperationException or ArgumentException or IndexOutOfRangeException or NullReferenceException)
        {
            problem = ex.GetType().Name + ": " + ex.Message;
            _logger.LogDebug(ex, "Opening the index at {Path} failed.", path);
            reader?.Dispose();
            directory?.Dispose();
            return OpenResult.Corrupt;
        }
    }

    /// <summary>Moves the finished temporary index into place. The old index is moved aside first and deleted after,
    /// so at every instant the path holds either the old complete index, nothing, or the new complete index.</summary>
    private void Swap(string temp, string path)
    {
        string? aside = null;
        if (System.IO.Directory.Exists(path))
        {
            aside = $"{path}.old-{Guid.NewGuid():N}";
            System.IO.Directory.Move(path, aside);
        }

        try
        {
            System.IO.Directory.Move(temp, path);
        }
        catch (IOException) when (System.IO.Directory.Exists(path))
        {
            // Another process swapped in its build at the same moment; theirs is as good as ours.
            TryDelete(temp);
        }

        if (aside is not null)
        {
            TryDelete(aside);
        }

        foreach (string leftover in System.IO.Directory.EnumerateDirectories(Path.GetDirectoryName(path)!, Path.GetFileName(path) + ".old-*"))
        {
            TryDelete(leftover);
        }
    }

    private static void ProbeWritable(string folder)
    {
        string probe = Path.Combine(folder, $".write-probe-{Guid.NewGuid():N}");
        using (File.Create(probe, 1, FileOptions.DeleteOnClose))
        {
        }
    }

    /// <summary>Removes <c>NAME.tmp-*</c> folders a killed build left behind (older than a minute, so a build running in
    /// another process at this moment keeps its folder).</summary>
    private void RemoveStaleBuilds(string parent, string name)
    {
        foreach (string leftover in System.IO.Directory.EnumerateDirectories(parent, name + ".tmp-*"))
        {
            if (System.IO.Directory.GetLastWriteTimeUtc(leftover) < DateTime.UtcNow.AddMinutes(-1))
            {
                _logger.LogInformation("Removing {Directory}, left by an interrupted index build.", leftover);
                TryDelete(leftover);
            }
        }
    }

    private void TryDelete(string directory)
    {
        try
        {
            if (System.IO.Directory.Exists(directory))
            {
                System.IO.Directory.Delete(directory, recursive: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _logger.LogWarning("Could not delete {Directory}: {Message}", directory, ex.Message);
        }
    }
}

/// <summary>The index folder cannot be written while the index must be (re)built; the message says what to do.</summary>
public sealed class IndexFolderException : IOException
{
    public IndexFolderException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
