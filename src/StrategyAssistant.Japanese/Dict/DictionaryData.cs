using System.IO.Compression;
using System.Runtime.InteropServices;

namespace StrategyAssistant.Japanese.Dict;

/// <summary>
/// The decoded content of the compiled dictionary file (see <c>Dictionary/README.md</c>): string pool, feature
/// (POS + inflection) table, character definition, surface trie, known and unknown entries, connection costs.
/// All multi-byte values are little-endian.
/// </summary>
internal sealed class DictionaryData
{
    internal const int Magic = 0x414A4153; // "SAJA"
    internal const int FormatVersion = 1;

    public required string[] Strings { get; init; }

    public required int[] FeaturePos { get; init; }

    public required int[] FeatureInflectionType { get; init; }

    public required int[] FeatureInflectionForm { get; init; }

    public required byte[] CharClassMap { get; init; }

    public required bool[] Invoke { get; init; }

    public required bool[] Group { get; init; }

    public required char[] TrieLabels { get; init; }

    public required int[] TrieFirstChild { get; init; }

    public required int[] TrieChildCount { get; init; }

    public required int[] TrieOutputs { get; init; }

    public required int[] SurfaceEntryStart { get; init; }

    public required short[] LeftIds { get; init; }

    public required short[] RightIds { get; init; }

    public required short[] Costs { get; init; }

    public required int[] Features { get; init; }

    public required int[] BaseForms { get; init; }

    public required int[] Readings { get; init; }

    public required int[] Pronunciations { get; init; }

    public required short[] UnknownLeftIds { get; init; }

    public required short[] UnknownRightIds { get; init; }

    public required short[] UnknownCosts { get; init; }

    public required int[] UnknownFeatures { get; init; }

    public required int[] UnknownClassStart { get; init; }

    public required int ForwardSize { get; init; }

    public required int BackwardSize { get; init; }

    public required short[] ConnectionCosts { get; init; }

    /// <summary>Serializes to the uncompressed byte layout.</summary>
    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Magic);
            w.Write(FormatVersion);

            var offsets = new int[Strings.Length + 1];
            for (int i = 0; i < Strings.Length; i++)
            {
                offsets[i + 1] = offsets[i] + Strings[i].Length;
            }

            w.Write(Strings.Length);
            WriteArray(w, offsets);
            WriteArray(w, string.Concat(Strings).ToCharArray());

            w.Write(FeaturePos.Length);
            WriteArray(w, FeaturePos);
            WriteArray(w, FeatureInflectionType);
            WriteArray(w, FeatureInflectionForm);

            WriteArray(w, CharClassMap);
            WriteArray(w, Invoke.Select(b => b ? (byte)1 : (byte)0).ToArray());
            WriteArray(w, Group.Select(b => b ? (byte)1 : (byte)0).ToArray());

            w.Write(TrieLabels.Length);
            WriteArray(w, TrieLabels);
            WriteArray(w, TrieFirstChild);
            WriteArray(w, TrieChildCount);
            WriteArray(w, TrieOutputs);

            w.Write(SurfaceEntryStart.Length);
            WriteArray(w, SurfaceEntryStart);
            w.Write(LeftIds.Length);
            WriteArray(w, LeftIds);
            WriteArray(w, RightIds);
            WriteArray(w, Costs);
            WriteArray(w, Features);
            WriteArray(w, BaseForms);
            WriteArray(w, Readings);
            WriteArray(w, Pronunciations);

            w.Write(UnknownLeftIds.Length);
            WriteArray(w, UnknownLeftIds);
            WriteArray(w, UnknownRightIds);
            WriteArray(w, UnknownCosts);
            WriteArray(w, UnknownFeatures);
            WriteArray(w, UnknownClassStart);

            w.Write(ForwardSize);
            w.Write(BackwardSize);
            WriteArray(w, ConnectionCosts);
        }

        return stream.ToArray();
    }

    /// <summary>
    /// Serializes and compresses: a little-endian int32 with the uncompressed length, then Brotli (quality 11, window 22).
    /// Deterministic for the same input.
    /// </summary>
    public byte[] ToCompressedBytes()
    {
        byte[] raw = ToBytes();
        byte[] compressed = new byte[BrotliEncoder.GetMaxCompressedLength(raw.Length) + 4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(compressed, raw.Length);
        if (!BrotliEncoder.TryCompress(raw, compressed.AsSpan(4), out int written, 11, 22))
        {
            throw new InvalidOperationException("Brotli compression failed.");
        }

        return compressed.AsSpan(0, written + 4).ToArray();
    }

    /// <summary>Decompresses and decodes a compressed dictionary stream.</summary>
    public static DictionaryData ReadCompressed(Stream compressed)
    {
        byte[] input;
        if (compressed.CanSeek)
        {
            input = new byte[compressed.Length - compressed.Position];
            compressed.ReadExactly(input);
        }
        else
        {
            using var copy = new MemoryStream();
            compressed.CopyTo(copy);
            input = copy.ToArray();
        }

        if (input.Length < 4)
        {
            throw new InvalidDataException("Truncated dictionary file.");
        }

        int rawLength = System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(input);
        if (rawLength <= 0)
        {
            throw new InvalidDataException("Invalid dictionary length.");
        }

        byte[] raw = new byte[rawLength];
        if (!BrotliDecoder.TryDecompress(input.AsSpan(4), raw, out int decoded) || decoded != rawLength)
        {
            throw new InvalidDataException("Corrupt dictionary data.");
        }

        return FromBytes(raw);
    }

    /// <summary>Decodes the uncompressed layout.</summary>
    public static DictionaryData FromBytes(ReadOnlySpan<byte> bytes)
    {
        var r = new SpanReader(bytes);
        if (r.ReadInt32() != Magic || r.ReadInt32() != FormatVersion)
        {
            throw new InvalidDataException("Not a StrategyAssistant Japanese dictionary (bad magic or version).");
        }

        int stringCount = r.ReadInt32();
        int[] offsets = r.ReadArray<int>(stringCount + 1);
        char[] chars = r.ReadArray<char>(offsets[^1]);
        var strings = new string[stringCount];
        for (int i = 0; i < stringCount; i++)
        {
            strings[i] = new string(chars, offsets[i], offsets[i + 1] - offsets[i]);
        }

        int featureCount = r.ReadInt32();
        int[] featurePos = r.ReadArray<int>(featureCount);
        int[] featureInflType = r.ReadArray<int>(featureCount);
        int[] featureInflForm = r.ReadArray<int>(featureCount);

        byte[] classMap = r.ReadArray<byte>(0x10000);
        bool[] invoke = r.ReadArray<byte>(CharacterDefinition.ClassCount).Select(b => b != 0).ToArray();
        bool[] group = r.ReadArray<byte>(CharacterDefinition.ClassCount).Select(b => b != 0).ToArray();

        int nodeCount = r.ReadInt32();
        char[] labels = r.ReadArray<char>(nodeCount);
        int[] firstChild = r.ReadArray<int>(nodeCount);
        int[] childCount = r.ReadArray<int>(nodeCount);
        int[] outputs = r.ReadArray<int>(nodeCount);

        int surfaceStartCount = r.ReadInt32();
        int[] surfaceEntryStart = r.ReadArray<int>(surfaceStartCount);
        int entryCount = r.ReadInt32();
        short[] leftIds = r.ReadArray<short>(entryCount);
        short[] rightIds = r.ReadArray<short>(entryCount);
        short[] costs = r.ReadArray<short>(entryCount);
        int[] features = r.ReadArray<int>(entryCount);
        int[] baseForms = r.ReadArray<int>(entryCount);
        int[] readings = r.ReadArray<int>(entryCount);
        int[] pronunciations = r.ReadArray<int>(entryCount);

        int unknownCount = r.ReadInt32();
        short[] unkLeft = r.ReadArray<short>(unknownCount);
        short[] unkRight = r.ReadArray<short>(unknownCount);
        short[] unkCost = r.ReadArray<short>(unknownCount);
        int[] unkFeatures = r.ReadArray<int>(unknownCount);
        int[] unkClassStart = r.ReadArray<int>(CharacterDefinition.ClassCount + 1);

        int forwardSize = r.ReadInt32();
        int backwardSize = r.ReadInt32();
        short[] connection = r.ReadArray<short>(checked(forwardSize * backwardSize));

        return new DictionaryData
        {
            Strings = strings,
            FeaturePos = featurePos,
            FeatureInflectionType = featureInflType,
            FeatureInflectionForm = featureInflForm,
            CharClassMap = classMap,
            Invoke = invoke,
            Group = group,
            TrieLabels = labels,
            TrieFirstChild = firstChild,
            TrieChildCount = childCount,
            TrieOutputs = outputs,
            SurfaceEntryStart = surfaceEntryStart,
            LeftIds = leftIds,
            RightIds = rightIds,
            Costs = costs,
            Features = features,
            BaseForms = baseForms,
            Readings = readings,
            Pronunciations = pronunciations,
            UnknownLeftIds = unkLeft,
            UnknownRightIds = unkRight,
            UnknownCosts = unkCost,
            UnknownFeatures = unkFeatures,
            UnknownClassStart = unkClassStart,
            ForwardSize = forwardSize,
            BackwardSize = backwardSize,
            ConnectionCosts = connection,
        };
    }

    private static void WriteArray<T>(BinaryWriter w, T[] values)
        where T : unmanaged
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("The dictionary format is little-endian.");
        }

        w.Write(MemoryMarshal.AsBytes(values.AsSpan()));
    }

    private ref struct SpanReader
    {
        private readonly ReadOnlySpan<byte> _bytes;
        private int _position;

        public SpanReader(ReadOnlySpan<byte> bytes)
        {
            _bytes = bytes;
            _position = 0;
        }

        public int ReadInt32()
        {
            int value = System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(Take(4));
            return value;
        }

        public T[] ReadArray<T>(int count)
            where T : unmanaged
        {
            if (count < 0)
            {
                throw new InvalidDataException("Negative array length in dictionary.");
            }

            var result = new T[count];
            Take(checked(count * System.Runtime.CompilerServices.Unsafe.SizeOf<T>())).CopyTo(MemoryMarshal.AsBytes(result.AsSpan()));
            return result;
        }

        private ReadOnlySpan<byte> Take(int length)
        {
            if (length > _bytes.Length - _position)
            {
                throw new InvalidDataException("Truncated dictionary data.");
            }

            ReadOnlySpan<byte> slice = _bytes.Slice(_position, length);
            _position += length;
            return slice;
        }
    }
}
