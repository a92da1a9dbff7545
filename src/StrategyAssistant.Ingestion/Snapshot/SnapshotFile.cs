using System.Text.Json;

namespace StrategyAssistant.Ingestion;

/// <summary>Writes and reads the snapshot file (Brotli-compressed JSON parts, <see cref="SnapshotContainer"/>) beside the Lucene index: written to a temporary file
/// in the same folder, flushed to disk, then moved over the old one (and the folder flushed), so a reader sees the old
/// snapshot or the new one, never half, also after a power loss.</summary>
public static class SnapshotFile
{
    private static readonly JsonSerializerOptions s_options = new()
    {
        IgnoreReadOnlyProperties = true,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        // Japanese text as UTF-8, not \uXXXX escapes: half the bytes to compress and parse (the file is never served to a browser).
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new SharedStrings() },
        TypeInfoResolver = SnapshotJson.Default,
    };

    /// <summary><see cref="s_options"/> with citations written as numbers into a part's table (record parts only).</summary>
    private static readonly JsonSerializerOptions s_tableOptions = new(s_options) { Converters = { new CitationTable(s_options) } };

    /// <summary><c>index/lucene</c> → <c>index/lucene.snapshot.json</c> (beside the index, not in it: the index folder is swapped whole).</summary>
    public static string PathFor(string indexPath) => Path.GetFullPath(indexPath).TrimEnd(Path.DirectorySeparatorChar) + ".snapshot.json";

    /// <summary>Writes every city of a full ingestion.</summary>
    public static void Write(string path, IngestResult result, string vocabularyVersion)
    {
        KnowledgeBase knowledge = result.Knowledge;
        var header = new SnapshotHeader(knowledge.Version, knowledge.Corpus.ContentHash, vocabularyVersion, knowledge.ReadingVersion, knowledge.Problems);
        Write(path, header, [.. knowledge.Corpus.Documents.Select(d => d.File)], [.. result.Cities.Select(SnapshotCity.Of)]);
    }

    /// <summary>Writes the cities (computed now or kept from an open snapshot), documents in <paramref name="order"/>.</summary>
    public static void Write(string path, SnapshotHeader header, IReadOnlyList<string> order, IReadOnlyList<SnapshotCity> cities) =>
        WriteAtomically(path, stream => SnapshotContainer.Write(stream, header, order, cities, s_options, s_tableOptions));

    /// <summary>Writes the ingest cache atomically (<see cref="IngestCacheContainer"/>).</summary>
    internal static void WriteCache(string path, string readingVersion, IReadOnlyList<IngestCacheEntry> parts) =>
        WriteAtomically(path, stream => IngestCacheContainer.Write(stream, readingVersion, parts, s_options, s_tableOptions));

    private static void WriteAtomically(string path, Action<Stream> write)
    {
        string directory = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(directory);
        string temp = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
            FlushDirectory(directory);
        }
        catch
        {
            try
            {
                File.Delete(temp);
            }
            catch (IOException)
            {
                // Best effort: a leftover temporary file is ignored by readers.
            }

            throw;
        }
    }

    /// <summary>Flushes the folder's entries to disk, so the rename survives a power loss (Linux; elsewhere, and where it fails,
    /// the rename is still atomic, only possibly not yet durable).</summary>
    private static void FlushDirectory(string directory)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        // O_RDONLY | O_DIRECTORY, whose value differs between architectures.
        int readOnlyDirectory = System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture
            is System.Runtime.InteropServices.Architecture.Arm64 or System.Runtime.InteropServices.Architecture.Arm ? 0x4000 : 0x10000;
        int fd = NativeMethods.open(directory, readOnlyDirectory);
        if (fd >= 0)
        {
            _ = NativeMethods.fsync(fd);
            _ = NativeMethods.close(fd);
        }
    }

    private static class NativeMethods
    {
        [System.Runtime.InteropServices.DllImport("libc", SetLastError = true, CharSet = System.Runtime.InteropServices.CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
        internal static extern int open([System.Runtime.InteropServices.MarshalAs(System.Runtime.InteropServices.UnmanagedType.LPUTF8Str)] string path, int flags);

        [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
        internal static extern int fsync(int fd);

        [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
        internal static extern int close(int fd);
    }

    /// <summary>The snapshot at <paramref name="path"/>, whole; null when there is none, it cannot be read or a part is damaged
    /// (then it is rebuilt), with the reason in <paramref name="problem"/>.</summary>
    public static KnowledgeSnapshot? TryRead(string path, out string? problem)
    {
        KnowledgeSnapshot? snapshot = TryOpen(path, out problem);
        return problem is null ? snapshot : null;
    }

    /// <summary>The snapshot at <paramref name="path"/> even when some parts are damaged (<see cref="KnowledgeSnapshot.Damaged"/>:
    /// the others can be kept); null when there is none, or its footer cannot be read or is of another schema.</summary>
    public static KnowledgeSnapshot? TryOpen(string path, out string? problem)
    {
        problem = null;
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            KnowledgeSnapshot snapshot = SnapshotContainer.Open(path, s_options, s_tableOptions);
            if (snapshot.Schema != KnowledgeSnapshot.SchemaVersion)
            {
                problem = "written by another snapshot schema";
                return null;
            }

            if (snapshot.Damaged.Count > 0)
            {
                problem = $"the parts of {string.Join(", ", snapshot.Damaged.Order(StringComparer.Ordinal))} fail their checksum";
            }

            return snapshot;
        }
        catch (Exception ex) when (Unreadable(ex))
        {
            problem = Describe(ex);
            return null;
        }
    }

    /// <summary>The ingest cache; null with the reason when it cannot be read whole (then every document is read again).</summary>
    internal static IngestCacheReader? ReadCache(string path, out string? problem)
    {
        problem = null;
        try
        {
            return IngestCacheContainer.Open(path, s_options, s_tableOptions);
        }
        catch (Exception ex) when (Unreadable(ex))
        {
            problem = Describe(ex);
            return null;
        }
    }

    private static bool Unreadable(Exception ex) => ex is JsonException or IOException or InvalidDataException or UnauthorizedAccessException
        or NotSupportedException or AggregateException;

    private static string Describe(Exception ex) => ex.GetType().Name + ": " + (ex is AggregateException a ? a.InnerExceptions[0].Message : ex.Message);
}
