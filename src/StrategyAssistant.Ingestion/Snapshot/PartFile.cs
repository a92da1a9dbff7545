using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text.Json;
using Microsoft.Win32.SafeHandles;
using StrategyAssistant.Documents;

namespace StrategyAssistant.Ingestion;

/// <summary>The container both files beside the index use (the snapshot and the ingest cache): independent Brotli-compressed
/// JSON segments, compressed and read on all cores, each with a checksum; then a JSON footer saying where each one is, its
/// length, its checksum and the file's magic. A part of records is two segments: the table of its distinct citations and
/// the records citing them by number (<see cref="CitationTable"/>), so any field a record or citation type has is kept.</summary>
internal static class PartFile
{
    private const int TailLength = 24; // footer length, footer check, magic

    /// <summary>Builds one part's segments (run on any core).</summary>
    public delegate byte[][] Part();

    public static int Add(List<Part> parts, Part part)
    {
        parts.Add(part);
        return parts.Count - 1;
    }

    /// <summary>Adds a part of two segments: the table of the citations <paramref name="value"/> makes, then the value citing
    /// them by number (the table is known once the value is serialised).</summary>
    public static int AddTabled<T>(List<Part> parts, T value, JsonSerializerOptions options, JsonSerializerOptions tableOptions) =>
        Add(parts, () =>
        {
            byte[] written;
            List<Citation> table;
            using (CitationTable.Writing writing = CitationTable.BeginWriting())
            {
                written = Compress(value, tableOptions);
                table = writing.Table;
            }

            return [Compress(table, options), written];
        });

    /// <summary>Adds a part whose segments are copied as they are from another file of this layout (checked on the way).</summary>
    public static int AddCopy(List<Part> parts, SafeFileHandle handle, params Place[] segments) =>
        Add(parts, () => [.. segments.Select(s => ReadExactly(handle, s))]);

    /// <summary>Compresses every part on all cores and writes them in order; the places of each part's segments.</summary>
    public static List<Place[]> WriteParts(Stream stream, List<Part> parts)
    {
        byte[][][] bytes = new byte[parts.Count][][];
        Parallel.For(0, parts.Count, i => bytes[i] = parts[i]());
        var places = new List<Place[]>(bytes.Length);
        long offset = 0;
        foreach (byte[][] part in bytes)
        {
            var segments = new Place[part.Length];
            for (int i = 0; i < part.Length; i++)
            {
                stream.Write(part[i]);
                segments[i] = new Place(offset, part[i].Length, Check(part[i]));
                offset += part[i].Length;
            }

            places.Add(segments);
        }

        return places;
    }

    public static TabledPlace Tabled(Place[] segments) => new(segments[0], segments[1]);

    public static void WriteFooter<TFooter>(Stream stream, TFooter footer, long magic, JsonSerializerOptions options)
    {
        byte[] footerBytes = JsonSerializer.SerializeToUtf8Bytes(footer, options);
        stream.Write(footerBytes);
        Span<byte> tail = stackalloc byte[TailLength];
        BinaryPrimitives.WriteInt64LittleEndian(tail, footerBytes.Length);
        BinaryPrimitives.WriteInt64LittleEndian(tail[8..], Check(footerBytes));
        BinaryPrimitives.WriteInt64LittleEndian(tail[16..], magic);
        stream.Write(tail);
    }

    /// <exception cref="InvalidDataException">The file ends in another magic (<paramref name="previous"/> names a known older
    /// layout), is truncated, or its footer is damaged.</exception>
    public static TFooter ReadFooter<TFooter>(SafeFileHandle handle, long magic, long previous, string previousLayout, JsonSerializerOptions options)
    {
        long length = RandomAccess.GetLength(handle);
        Span<byte> tail = stackalloc byte[TailLength];
        long found = length >= 8 && RandomAccess.Read(handle, tail[..8], length - 8) == 8 ? BinaryPrimitives.ReadInt64LittleEndian(tail) : 0;
        if (found == previous)
        {
            throw new InvalidDataException($"written in the {previousLayout}");
        }

        if (found != magic || length < TailLength || RandomAccess.Read(handle, tail, length - TailLength) != TailLength)
        {
            throw new InvalidDataException("not a file of this layout, or a truncated one (no end marker)");
        }

        long footerLength = BinaryPrimitives.ReadInt64LittleEndian(tail);
        if (footerLength <= 0 || footerLength > length - TailLength)
        {
            throw new InvalidDataException("damaged footer");
        }

        byte[] footerBytes = ReadExactly(handle, new Place(length - TailLength - footerLength, (int)footerLength, BinaryPrimitives.ReadInt64LittleEndian(tail[8..])));
        return JsonSerializer.Deserialize<TFooter>(footerBytes, options) ?? throw new InvalidDataException("empty footer");
    }

    public static byte[] Compress<T>(T value, JsonSerializerOptions options)
    {
        using var memory = new MemoryStream();
        using (var brotli = new BrotliStream(memory, CompressionLevel.Fastest, leaveOpen: true))
        {
            JsonSerializer.Serialize(brotli, value, options);
        }

        return memory.ToArray();
    }

    public static T? Decompress<T>(SafeFileHandle handle, Place place, JsonSerializerOptions options)
    {
        using var stream = new MemoryStream(ReadExactly(handle, place), writable: false);
        using var brotli = new BrotliStream(stream, CompressionMode.Decompress);
        return JsonSerializer.Deserialize<T>(brotli, options);
    }

    public static byte[] ReadExactly(SafeFileHandle handle, Place place)
    {
        byte[] bytes = GC.AllocateUninitializedArray<byte>(place.Length);
        int read = 0;
        while (read < bytes.Length)
        {
            int n = RandomAccess.Read(handle, bytes.AsSpan(read), place.Offset + read);
            if (n <= 0)
            {
                throw new InvalidDataException("truncated file");
            }

            read += n;
        }

        return Check(bytes) == place.Check ? bytes : throw new InvalidDataException($"damaged file: the part at byte {place.Offset} fails its checksum");
    }

    /// <summary>The first 8 bytes of the SHA-256 of a segment (hardware-accelerated; the 100× snapshot checks in tens of
    /// milliseconds): a damaged segment is reported instead of decompressed into wrong records.</summary>
    private static long Check(ReadOnlySpan<byte> bytes)
    {
        Span<byte> hash = stackalloc byte[32];
        System.Security.Cryptography.SHA256.HashData(bytes, hash);
        return BinaryPrimitives.ReadInt64LittleEndian(hash);
    }

    /// <summary>A segment of the file and the check of its bytes.</summary>
    internal readonly record struct Place(long Offset, int Length, long Check);

    /// <summary>A part of records: its citation table and the records.</summary>
    internal readonly record struct TabledPlace(Place Table, Place Items);

    /// <summary>Reads a part of records: its citation table, then the value citing it, sharing short strings through
    /// <paramref name="pool"/> (one per file, shared by the threads that read its parts).</summary>
    public static T ReadTabled<T>(SafeFileHandle handle, TabledPlace place, JsonSerializerOptions options, JsonSerializerOptions tableOptions, ConcurrentDictionary<string, string> pool)
    {
        using SharedStrings.Scope shared = SharedStrings.Begin(pool);
        Citation[] table = Decompress<Citation[]>(handle, place.Table, options) ?? [];
        using CitationTable.Reading reading = CitationTable.BeginReading(table);
        return Decompress<T>(handle, place.Items, tableOptions) ?? throw new InvalidDataException($"empty part at byte {place.Items.Offset}");
    }

    /// <summary>Whether the segment's bytes are whole and pass their checksum.</summary>
    public static bool Intact(SafeFileHandle handle, Place place)
    {
        try
        {
            ReadExactly(handle, place);
            return true;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }
}
