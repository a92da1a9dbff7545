using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace StrategyAssistant.Stores;

/// <summary>Feedback as an append-only JSON Lines file (the store of the <c>memory</c> provider, one instance): each entry is
/// one write of a whole line followed by an fsync. A torn last line (a crash or a full disk mid-write) is skipped and
/// reported when read, and the next append starts on a fresh line so it is never glued to it.</summary>
public sealed class JsonlFeedbackStore : IFeedbackStore, IDisposable
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private HashSet<(string, string)>? _keys;

    public JsonlFeedbackStore(string path)
    {
        FilePath = Path.GetFullPath(path);
    }

    public string FilePath { get; }

    /// <summary>Lines that could not be read, with their line numbers (a torn last line, or a line edited by hand).</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    public async Task<bool> AppendAsync(FeedbackEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        byte[] line = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(entry, StoreJson.Options) + "\n");
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _keys ??= [.. Read(FilePath, out _).Where(e => e.ConversationId is not null && e.ActivityId is not null).Select(e => (e.ConversationId!, e.ActivityId!))];
            if (entry.ConversationId is { } c && entry.ActivityId is { } a && _keys.Contains((c, a)))
            {
                return false;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
            using var stream = new FileStream(FilePath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, 1, FileOptions.None);
            long length = stream.Length;
            if (length > 0)
            {
                stream.Seek(-1, SeekOrigin.End);
                if (stream.ReadByte() != '\n')
                {
                    // A torn line: start this entry on a line of its own (the torn one is skipped on reading).
                    line = [(byte)'\n', .. line];
                }
            }

            stream.Seek(0, SeekOrigin.End);
            try
            {
                stream.Write(line);
                stream.Flush(flushToDisk: true);
            }
            catch (IOException)
            {
                // Leave the file as it was: a partial line would otherwise stay behind.
                stream.SetLength(length);
                throw;
            }

            if (entry.ConversationId is { } conversation && entry.ActivityId is { } activity)
            {
                _keys.Add((conversation, activity));
            }

            return true;
        }
        finally
        {
            _lock.Release();
        }
    }

    public async IAsyncEnumerable<FeedbackEntry> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        IReadOnlyList<FeedbackEntry> entries = Read(FilePath, out IReadOnlyList<string> problems);
        Problems = problems;
        foreach (FeedbackEntry entry in entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return entry;
        }
    }

    /// <summary>Every readable entry of a JSON Lines file; <paramref name="problems"/> names the lines skipped.</summary>
    public static IReadOnlyList<FeedbackEntry> Read(string path, out IReadOnlyList<string> problems)
    {
        var skipped = new List<string>();
        problems = skipped;
        if (!File.Exists(path))
        {
            return [];
        }

        var entries = new List<FeedbackEntry>();
        int number = 0;
        foreach (string line in File.ReadLines(path, Encoding.UTF8))
        {
            number++;
            if (line.Length == 0)
            {
                continue;
            }

            try
            {
                entries.Add(JsonSerializer.Deserialize<FeedbackEntry>(line, StoreJson.Options) ?? throw new JsonException("null"));
            }
            catch (JsonException)
            {
                skipped.Add($"{path}:{number}: not a whole JSON entry (a torn write?); skipped");
            }
        }

        return entries;
    }

    public void Dispose() => _lock.Dispose();
}
