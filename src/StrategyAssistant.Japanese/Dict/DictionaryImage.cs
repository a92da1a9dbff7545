using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace StrategyAssistant.Japanese.Dict;

/// <summary>
/// An uncompressed image of the loaded dictionary, exactly as its arrays are held in memory, written on first use into a
/// per-user cache folder and read back with one read per array straight into the final arrays: no Brotli, no decoding,
/// no per-entry loops, no strings built up front. The file name carries the assembly's build id, so a rebuilt dictionary
/// never reads a stale image; the header carries the struct sizes and byte order, and every table is checked as it is
/// rebuilt, so a foreign or damaged image is refused (and rewritten) rather than trusted. Written atomically (temporary
/// file, flush, rename).
/// </summary>
internal static class DictionaryImage
{
    /// <summary>The folder for images, or <c>off</c> to never write or read one.</summary>
    public const string FolderVariable = "STRATEGY_ASSISTANT_DICTIONARY_CACHE";

    // Every build has its own image (the name carries the build id), so a developer's or CI's folder fills with images of
    // builds that no longer run (28 MB each). A read marks its image as used (its write time); writing an image deletes
    // the others not used for this long. A build that only waits longer between runs rewrites its image once.
    internal static readonly TimeSpan UnusedLifetime = TimeSpan.FromDays(1);

    private const long Magic = 0x3147_4D49_414A_4153; // "SAJAIMG1"
    private const int Version = 3;

    /// <summary>Where this build's image lives, or null when images are turned off or there is no per-user folder.</summary>
    public static string? DefaultPath()
    {
        string? folder = Environment.GetEnvironmentVariable(FolderVariable);
        if (string.Equals(folder, "off", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(folder))
        {
            string? cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            if (string.IsNullOrWhiteSpace(cache))
            {
                string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
                if (string.IsNullOrEmpty(home))
                {
                    return null;
                }

                cache = Path.Combine(home, ".cache");
            }

            folder = Path.Combine(cache, "strategy-assistant");
        }

        Guid build = typeof(DictionaryImage).Assembly.ManifestModule.ModuleVersionId;
        return Path.Combine(folder, $"ipadic-{build:N}.img");
    }

    public static SystemDictionary? TryRead(string path, long startTimestamp)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using SafeFileHandle handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
            var r = new Reader(handle);
            if (r.Int64() != Magic || r.Int64() != Version || r.Int64() != Unsafe.SizeOf<CharTrie.Node>()
                || r.Int64() != Unsafe.SizeOf<TokenInfoDictionary.EntryFeatures>() || r.Int64() != (BitConverter.IsLittleEndian ? 1 : 0))
            {
                return null;
            }

            var characters = new CharacterDefinition(r.Array<byte>(), r.Array<bool>(), r.Array<bool>());
            var strings = new StringPool(r.Array<char>(), r.Array<int>());
            var trie = new CharTrie(r.Array<int>(), r.Array<char>(), r.Array<CharTrie.Node>());
            var tokens = new TokenInfoDictionary(strings, r.Array<int>(), r.Array<short>(), r.Array<short>(), r.Array<short>(), r.Array<TokenInfoDictionary.EntryFeatures>(), trie);
            var unknown = new UnknownDictionary(strings, r.Array<int>(), r.Array<short>(), r.Array<short>(), r.Array<short>(), r.Array<int>(), r.Array<int>(), characters);
            int forward = (int)r.Int64();
            int backward = (int)r.Int64();
            var costs = new ConnectionCosts(r.Array<short>(), forward, backward);
            if (!r.AtEnd)
            {
                return null;
            }

            MarkUsed(path);

            return new SystemDictionary(characters, tokens, unknown, costs, System.Diagnostics.Stopwatch.GetElapsedTime(startTimestamp), path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or ArgumentException or OverflowException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>Writes the image; false (and nothing left behind) when the folder cannot be written.</summary>
    public static bool TryWrite(SystemDictionary dictionary, string path)
    {
        string temp = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                var w = new Writer(stream);
                w.Int64(Magic);
                w.Int64(Version);
                w.Int64(Unsafe.SizeOf<CharTrie.Node>());
                w.Int64(Unsafe.SizeOf<TokenInfoDictionary.EntryFeatures>());
                w.Int64(BitConverter.IsLittleEndian ? 1 : 0);
                CharacterDefinition c = dictionary.CharacterDefinition;
                w.Array(c.ClassMapArray);
                w.Array(c.InvokeFlags);
                w.Array(c.GroupFlags);
                TokenInfoDictionary t = dictionary.TokenInfo;
                w.Array(t.Strings.Chars);
                w.Array(t.Strings.Offsets);
                w.Array(t.Trie.RootChildren);
                w.Array(t.Trie.LabelArray);
                w.Array(t.Trie.Nodes);
                w.Array(t.SurfaceEntryStart);
                w.Array(t.LeftIds);
                w.Array(t.RightIds);
                w.Array(t.Costs);
                w.Array(t.Entries);
                UnknownDictionary u = dictionary.Unknown;
                w.Array(u.FeaturePos);
                w.Array(u.LeftIds);
                w.Array(u.RightIds);
                w.Array(u.Costs);
                w.Array(u.Features);
                w.Array(u.ClassStart);
                w.Int64(dictionary.ConnectionCosts.ForwardSize);
                w.Int64(dictionary.ConnectionCosts.BackwardSize);
                w.Array(dictionary.ConnectionCosts.Costs);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
            DeleteUnused(path);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            try
            {
                File.Delete(temp);
            }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException)
            {
            }

            return false;
        }
    }

    private static void MarkUsed(string path)
    {
        try
        {
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A read-only cache folder: the image is still good, it is only never pruned.
        }
    }

    /// <summary>Deletes the other builds' images (<c>ipadic-*.img</c> beside <paramref name="path"/>) unused for <see cref="UnusedLifetime"/>.</summary>
    internal static void DeleteUnused(string path)
    {
        DateTime before = DateTime.UtcNow - UnusedLifetime;
        try
        {
            foreach (string other in Directory.EnumerateFiles(Path.GetDirectoryName(path)!, "ipadic-*.img"))
            {
                if (!string.Equals(other, path, StringComparison.Ordinal) && File.GetLastWriteTimeUtc(other) < before)
                {
                    try
                    {
                        File.Delete(other);
                    }
                    catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                    {
                        // In use elsewhere (Windows) or not ours to delete: left for a later writer.
                    }
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }

    private sealed class Writer(Stream stream)
    {
        public void Int64(long value)
        {
            Span<byte> bytes = stackalloc byte[8];
            System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(bytes, value);
            stream.Write(bytes);
        }

        public void Array<T>(T[] values)
            where T : unmanaged
        {
            Int64(values.Length);
            stream.Write(MemoryMarshal.AsBytes(values.AsSpan()));
        }
    }

    private sealed class Reader(SafeFileHandle handle)
    {
        private readonly long _length = RandomAccess.GetLength(handle);
        private long _offset;

        public bool AtEnd => _offset == _length;

        public long Int64()
        {
            Span<byte> bytes = stackalloc byte[8];
            Fill(bytes);
            return System.Buffers.Binary.BinaryPrimitives.ReadInt64LittleEndian(bytes);
        }

        public T[] Array<T>()
            where T : unmanaged
        {
            long count = Int64();
            if (count < 0 || count * Unsafe.SizeOf<T>() > _length - _offset)
            {
                throw new InvalidDataException("Truncated dictionary image.");
            }

            T[] values = GC.AllocateUninitializedArray<T>((int)count);
            Fill(MemoryMarshal.AsBytes(values.AsSpan()));
            return values;
        }

        private void Fill(Span<byte> target)
        {
            while (target.Length > 0)
            {
                int read = RandomAccess.Read(handle, target, _offset);
                if (read <= 0)
                {
                    throw new InvalidDataException("Truncated dictionary image.");
                }

                _offset += read;
                target = target[read..];
            }
        }
    }
}
