using System.Text;
using StrategyAssistant.Japanese.Util;

namespace StrategyAssistant.Japanese.Dict;

/// <summary>
/// The <c>tokenize</c> output's feature fields of each known word (<see cref="TokenInfoDictionary.AppendFeatures"/>) as UTF-8,
/// encoded the first time the word is written and kept for the process: a token then costs one copy of bytes instead of
/// six string-pool lookups and a transcoding. Text repeats its words (a few thousand distinct ones in a 10 MB input), so
/// the cache is small; the slot table is one int per entry (1.5 MB), made only when UTF-8 output is asked for.
/// Thread-safe: readers take no lock; a miss encodes under a lock and publishes the line after its bytes.
/// </summary>
internal sealed class Utf8FeatureLines(TokenInfoDictionary dictionary)
{
    private const int SegmentSize = 1 << 16;

    private readonly object _lock = new();

    // Per word id: 0 when not encoded yet, else the line's index + 1.
    private readonly int[] _slots = new int[dictionary.Count];
    private Line[] _lines = new Line[1024];
    private int _lineCount;
    private byte[] _segment = new byte[SegmentSize];
    private int _segmentUsed;
    private CharBuffer _chars = new(new char[256]);

    public ReadOnlySpan<byte> Get(int wordId)
    {
        int slot = Volatile.Read(ref _slots[wordId]);
        if (slot == 0)
        {
            slot = Add(wordId);
        }

        Line line = Volatile.Read(ref _lines)[slot - 1];
        return line.Segment.AsSpan(line.Offset, line.Length);
    }

    private int Add(int wordId)
    {
        lock (_lock)
        {
            int slot = _slots[wordId];
            if (slot != 0)
            {
                return slot;
            }

            _chars.Length = 0;
            dictionary.AppendFeatures(wordId, ref _chars);
            ReadOnlySpan<char> chars = _chars.Chars.AsSpan(0, _chars.Length);
            int length = Encoding.UTF8.GetByteCount(chars);
            if (_segmentUsed + length > _segment.Length)
            {
                // Bytes already handed out stay in the old segment, which the lines still refer to.
                _segment = new byte[Math.Max(SegmentSize, length)];
                _segmentUsed = 0;
            }

            Encoding.UTF8.GetBytes(chars, _segment.AsSpan(_segmentUsed));
            if (_lineCount == _lines.Length)
            {
                // A reader that sees a slot published after this reads this array or a later one (both hold the line).
                var grown = new Line[_lines.Length * 2];
                Array.Copy(_lines, grown, _lineCount);
                Volatile.Write(ref _lines, grown);
            }

            _lines[_lineCount++] = new Line(_segment, _segmentUsed, length);
            _segmentUsed += length;
            Volatile.Write(ref _slots[wordId], _lineCount);
            return _lineCount;
        }
    }

    private readonly record struct Line(byte[] Segment, int Offset, int Length);
}
