using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Unicode;
using StrategyAssistant.Japanese.Dict;

namespace StrategyAssistant.Japanese.Util;

/// <summary>Where <see cref="TokenLineWriter"/> formats a line: characters (<see cref="CharBuffer"/>) or UTF-8 bytes
/// (<see cref="Utf8Buffer"/>). The writer is generic over the buffer struct, so each kind gets its own specialised code.</summary>
internal interface ITokenOutput
{
    void Append(char c);

    void Append(ReadOnlySpan<char> text);

    void Append(int value);

    /// <summary>The six feature fields of a known word, tab-separated, <c>*</c> for null (see <see cref="TokenInfoDictionary.AppendFeatures"/>).</summary>
    void AppendKnownFeatures(TokenInfoDictionary dictionary, int wordId);
}

/// <summary>A growable char buffer (reused: set <see cref="Length"/> to 0).</summary>
internal struct CharBuffer(char[] chars) : ITokenOutput
{
    public char[] Chars = chars;
    public int Length;

    public void Append(char c)
    {
        if (Length == Chars.Length)
        {
            Array.Resize(ref Chars, Chars.Length * 2);
        }

        Chars[Length++] = c;
    }

    public void Append(ReadOnlySpan<char> text)
    {
        if (Length + text.Length > Chars.Length)
        {
            Array.Resize(ref Chars, Math.Max(Chars.Length * 2, Length + text.Length));
        }

        text.CopyTo(Chars.AsSpan(Length));
        Length += text.Length;
    }

    public void Append(int value)
    {
        if (Length + 11 > Chars.Length)
        {
            Array.Resize(ref Chars, Chars.Length * 2);
        }

        value.TryFormat(Chars.AsSpan(Length), out int written, default, CultureInfo.InvariantCulture);
        Length += written;
    }

    public void AppendKnownFeatures(TokenInfoDictionary dictionary, int wordId) => dictionary.AppendFeatures(wordId, ref this);
}

/// <summary>
/// A growable UTF-8 byte buffer (reused: set <see cref="Length"/> to 0): the bytes <see cref="System.Text.Encoding.UTF8"/>
/// gives for the same characters, a lone surrogate included (U+FFFD). A known word's features are copied as one block of
/// bytes encoded once per word (<see cref="Utf8FeatureLines"/>), so a token costs no transcoding of dictionary text.
/// </summary>
internal struct Utf8Buffer(byte[] bytes) : ITokenOutput
{
    public byte[] Bytes = bytes;
    public int Length;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Append(char c)
    {
        if (c < 0x80 && Length < Bytes.Length)
        {
            Bytes[Length++] = (byte)c;
            return;
        }

        Append(new ReadOnlySpan<char>(in c));
    }

    public void Append(ReadOnlySpan<char> text)
    {
        // At most 3 bytes per UTF-16 unit (a surrogate pair is 4 bytes for 2 units; a lone surrogate is U+FFFD, 3 bytes).
        Ensure(text.Length * 3);
        byte[] bytes = Bytes;
        int n = Length;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c < 0x80)
            {
                bytes[n++] = (byte)c;
            }
            else if (c < 0x800)
            {
                bytes[n++] = (byte)(0xC0 | (c >> 6));
                bytes[n++] = (byte)(0x80 | (c & 0x3F));
            }
            else if (!char.IsSurrogate(c))
            {
                bytes[n++] = (byte)(0xE0 | (c >> 12));
                bytes[n++] = (byte)(0x80 | ((c >> 6) & 0x3F));
                bytes[n++] = (byte)(0x80 | (c & 0x3F));
            }
            else
            {
                // Surrogates (rare): the runtime's transcoder, which replaces a lone one as the UTF-8 encoding does.
                Utf8.FromUtf16(text[i..], bytes.AsSpan(n), out _, out int written, replaceInvalidSequences: true, isFinalBlock: true);
                n += written;
                break;
            }
        }

        Length = n;
    }

    public void Append(ReadOnlySpan<byte> utf8)
    {
        Ensure(utf8.Length);
        utf8.CopyTo(Bytes.AsSpan(Length));
        Length += utf8.Length;
    }

    public void Append(int value)
    {
        Ensure(11);
        value.TryFormat(Bytes.AsSpan(Length), out int written, default, CultureInfo.InvariantCulture);
        Length += written;
    }

    public void AppendKnownFeatures(TokenInfoDictionary dictionary, int wordId) => Append(dictionary.Utf8Features.Get(wordId));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Ensure(int more)
    {
        if (Length + more > Bytes.Length)
        {
            Array.Resize(ref Bytes, Math.Max(Bytes.Length * 2, Length + more));
        }
    }
}
