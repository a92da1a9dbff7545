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
public sealed record IndexBuildResult(string Path, int Documents, int Passages, int Kpis, int Projects, TimeSpan Elapsed);

/// <summary>The index's life: open it when it matches the corpus and the code, otherwise build it in a temporary folder and swap it in.
/// A crash mid-build leaves the previous index (or none) in place, never a half-written one; a corrupt index is rebuilt.</summary>
public sealed class IndexManager
{
    /// <summary>Commit user-data key holding the stamp the index was built for.</summary>
    internal const string StampKey = "strategy-assistant-stamp";

    /// <summary>Bump when the field layout changes.</summary>
    private const string SchemaVersion = "schema-1";

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

        Build(path, knowledge, cancellationToken);
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
                };
                using var writer = new IndexWriter(directory, config);
                var copies = _analysis.Fields.Select(f => f.Name).Where(f => f is IndexFields.Reading or IndexFields.Bigram).ToList();
                foreach (Passage passage in knowledge.Passages)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    writer.AddDocument(IndexDocuments.WithCopies(IndexDocuments.ForPassage(passage, knowledge.Document(passage.File).City), copies));
                }

                foreach (KpiRecord kpi in knowledge.Records.Kpis)
                {
                    writer.AddDocument(IndexDocuments.WithCopies(IndexDocuments.ForKpi(kpi), copies));
                }

                foreach (ProjectRecord project in knowledge.Records.Projects)
                {
                    writer.AddDocument(IndexDocuments.WithCopies(IndexDocuments.ForProject(project), copies));
                }

                writer.SetCommitData(new Dictionary<string, string> { [StampKey] = Stamp(knowledge) });
                writer.Commit();
            }

            Swap(temp, fullPath);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }

        var result = new IndexBuildResult(fullPath, knowledge.Corpus.Documents.Count, knowledge.Passages.Count, knowledge.Records.Kpis.Count, knowledge.Records.Projects.Count, stopwatch.Elapsed);
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

            // Touch every segment once so that a damaged file is found now, not in the middle of a question.
            CheckIndex.Status status = CheckQuick(directory);
            if (!status.Clean)
            {
                problem = "CheckIndex found damaged segments";
                reader.Dispose();
                directory.Dispose();
                return OpenResult.Corrupt;
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

    private static CheckIndex.Status CheckQuick(LuceneDirectory directory)
    {
        var checker = new CheckIndex(directory) { CrossCheckTermVectors = false };
        checker.InfoStream = null;
        return checker.DoCheckIndex();
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

/// <summary>Turns passages and records into Lucene documents.</summary>
internal static class IndexDocuments
{
    public static Document ForPassage(Passage passage, string city)
    {
        var doc = Base(IndexFields.KindPassage, passage.Id, city, passage.File);
        doc.Add(new TextField(IndexFields.Text, passage.Text, Field.Store.NO));
        string heading = string.Join(' ', passage.HeadingPath) + (passage.Context is null ? string.Empty : " " + passage.Context);
        doc.Add(new TextField(IndexFields.Heading, heading, Field.Store.NO));
        doc.Add(new StoredField(IndexFields.All, passage.Text + " " + heading));
        return doc;
    }

    public static Document ForKpi(KpiRecord kpi)
    {
        var doc = Base(IndexFields.KindKpi, kpi.Id, kpi.City, kpi.Source.File);
        doc.Add(new TextField(IndexFields.Name, kpi.Indicator, Field.Store.NO));
        doc.Add(new TextField(IndexFields.Heading, Join(kpi.Goal?.ToString(), kpi.Measure?.ToString(), kpi.Project), Field.Store.NO));
        string text = Join(kpi.Indicator, kpi.Measure?.Title, kpi.Project, kpi.Department, kpi.Assessment, kpi.Outlook);
        doc.Add(new TextField(IndexFields.Text, text, Field.Store.NO));
        // Coverage is judged on what names the KPI, not on its commentary.
        doc.Add(new StoredField(IndexFields.All, Join(kpi.Indicator, kpi.Goal?.ToString(), kpi.Measure?.ToString(), kpi.Project, kpi.Department)));
        return doc;
    }

    public static Document ForProject(ProjectRecord project)
    {
        var doc = Base(IndexFields.KindProject, project.Id, project.City, project.Source.File);
        doc.Add(new TextField(IndexFields.Name, Join([project.Name, .. project.Components]), Field.Store.NO));
        doc.Add(new TextField(IndexFields.Heading, Join(project.Goal?.ToString(), project.Measure?.ToString()), Field.Store.NO));
        string text = Join([project.Name, project.Department, project.Description, .. project.Components, .. project.Kpis]);
        doc.Add(new TextField(IndexFields.Text, text, Field.Store.NO));
        doc.Add(new StoredField(IndexFields.All, Join(text, project.Goal?.ToString(), project.Measure?.ToString())));
        return doc;
    }

    /// <summary>Adds the analysis's extra fields (reading, bigram) as copies of the entry's name and text.</summary>
    public static Document WithCopies(Document doc, IReadOnlyList<string> copies)
    {
        if (copies.Count == 0)
        {
            return doc;
        }

        string text = Join(doc.Get(IndexFields.All));
        foreach (string field in copies)
        {
            doc.Add(new TextField(field, text, Field.Store.NO));
        }

        return doc;
    }

    private static Document Base(string kind, string id, string city, string file) =>
    [
        new StringField(IndexFields.Kind, kind, Field.Store.YES),
        new StringField(IndexFields.Id, id, Field.Store.YES),
        new StringField(IndexFields.City, city, Field.Store.YES),
        new StringField(IndexFields.File, file, Field.Store.YES),
    ];

    private static string Join(params string?[] parts) => string.Join(' ', parts.Where(p => !string.IsNullOrWhiteSpace(p)));
}
