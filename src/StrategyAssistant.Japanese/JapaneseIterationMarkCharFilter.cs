using Lucene.Net.Analysis;

namespace StrategyAssistant.Japanese;

/// <summary>
/// Normalizes Japanese iteration marks: 々 (kanji) and ゝゞヽヾ (kana). A run of N marks repeats the N characters
/// before it; voiced marks give the voiced kana (か→が), unvoiced marks the plain kana (が→か). A mark at the start,
/// right after a previous span or after 。 is kept. The length never changes, so offsets need no correction.
/// </summary>
public sealed class JapaneseIterationMarkCharFilter : CharFilter
{
    /// <summary>Normalize 々 by default.</summary>
    public const bool NORMALIZE_KANJI_DEFAULT = true;

    /// <summary>Normalize kana iteration marks by default.</summary>
    public const bool NORMALIZE_KANA_DEFAULT = true;

    private const char KanjiIterationMark = '\u3005';
    private const char HiraganaIterationMark = '\u309d';
    private const char HiraganaVoicedIterationMark = '\u309e';
    private const char KatakanaIterationMark = '\u30fd';
    private const char KatakanaVoicedIterationMark = '\u30fe';
    private const char FullStop = '\u3002';

    private const string UnvoicedHiragana = "かきくけこさしすせそたちつてとはひふへほ";

    private readonly bool _normalizeKanji;
    private readonly bool _normalizeKana;
    private char[]? _output;
    private int _readPosition;

    /// <summary>Normalizes kanji and kana marks.</summary>
    public JapaneseIterationMarkCharFilter(TextReader input)
        : this(input, NORMALIZE_KANJI_DEFAULT, NORMALIZE_KANA_DEFAULT)
    {
    }

    /// <summary>Normalizes the selected kinds of marks.</summary>
    public JapaneseIterationMarkCharFilter(TextReader input, bool normalizeKanji, bool normalizeKana)
        : base(input)
    {
        _normalizeKanji = normalizeKanji;
        _normalizeKana = normalizeKana;
    }

    /// <inheritdoc/>
    public override int Read(char[] buffer, int index, int count)
    {
        char[] output = EnsureNormalized();
        int n = Math.Min(count, output.Length - _readPosition);
        if (n <= 0)
        {
            return 0;
        }

        Array.Copy(output, _readPosition, buffer, index, n);
        _readPosition += n;
        return n;
    }

    /// <inheritdoc/>
    public override int Read()
    {
        char[] output = EnsureNormalized();
        return _readPosition < output.Length ? output[_readPosition++] : -1;
    }

    /// <inheritdoc/>
    public override int Peek()
    {
        char[] output = EnsureNormalized();
        return _readPosition < output.Length ? output[_readPosition] : -1;
    }

    /// <inheritdoc/>
    protected override int Correct(int currentOff) => currentOff;

    private char[] EnsureNormalized()
    {
        if (_output == null)
        {
            char[] input = m_input.ReadToEnd().ToCharArray();
            _output = Normalize(input);
        }

        return _output;
    }

    private char[] Normalize(char[] input)
    {
        var output = new char[input.Length];
        int spanEnd = 0;
        int spanSize = 0;
        for (int pos = 0; pos < input.Length; pos++)
        {
            char c = input[pos];
            if (char.IsSurrogate(c))
            {
                spanEnd = pos + 1;
            }

            if (c == FullStop)
            {
                spanEnd = pos + 1;
            }

            if (IsIterationMark(c))
            {
                if (pos < spanEnd)
                {
                    c = NormalizeMark(input[pos - spanSize], c);
                }
                else if (pos == spanEnd)
                {
                    // A span cannot start where the previous one ended: keep the mark.
                    spanEnd++;
                }
                else
                {
                    spanSize = 0;
                    for (int i = pos; i < input.Length && IsIterationMark(input[i]); i++)
                    {
                        spanSize++;
                    }

                    if (pos - spanSize < spanEnd)
                    {
                        spanSize = pos - spanEnd;
                    }

                    spanEnd = pos + spanSize;
                    c = NormalizeMark(input[pos - spanSize], c);
                }
            }

            output[pos] = c;
        }

        return output;
    }

    private bool IsIterationMark(char c) =>
        (c == KanjiIterationMark && _normalizeKanji)
        || (c is HiraganaIterationMark or HiraganaVoicedIterationMark or KatakanaIterationMark or KatakanaVoicedIterationMark && _normalizeKana);

    private static char NormalizeMark(char source, char mark)
    {
        switch (mark)
        {
            case HiraganaIterationMark:
                return IsVoiced(source, 0) ? (char)(source - 1) : source;
            case HiraganaVoicedIterationMark:
                return UnvoicedHiragana.Contains(source, StringComparison.Ordinal) ? (char)(source + 1) : source;
            case KatakanaIterationMark:
                return IsVoiced(source, 0x60) ? (char)(source - 1) : source;
            case KatakanaVoicedIterationMark:
                return source == 'ウ' ? 'ヴ' : UnvoicedHiragana.Contains((char)(source - 0x60), StringComparison.Ordinal) ? (char)(source + 1) : source;
            default:
                return source;
        }
    }

    private static bool IsVoiced(char c, int shift) => UnvoicedHiragana.Contains((char)(c - 1 - shift), StringComparison.Ordinal);
}
