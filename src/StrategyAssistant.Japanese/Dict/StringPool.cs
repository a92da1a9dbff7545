namespace StrategyAssistant.Japanese.Dict;

/// <summary>The dictionary's strings (parts of speech, base forms, readings) as one character pool with offsets; a string is
/// created the first time it is asked for, so loading builds none of the ~100k strings up front.</summary>
internal sealed class StringPool
{
    private readonly string?[] _cache;

    public StringPool(char[] chars, int[] offsets)
    {
        if (offsets.Length == 0 || offsets[0] != 0 || offsets[^1] != chars.Length)
        {
            throw new InvalidDataException("Inconsistent dictionary string pool.");
        }

        Chars = chars;
        Offsets = offsets;
        _cache = new string?[offsets.Length - 1];
    }

    public char[] Chars { get; }

    public int[] Offsets { get; }

    public int Count => _cache.Length;

    public static StringPool FromStrings(string[] strings)
    {
        var offsets = new int[strings.Length + 1];
        for (int i = 0; i < strings.Length; i++)
        {
            offsets[i + 1] = offsets[i] + strings[i].Length;
        }

        var pool = new StringPool(string.Concat(strings).ToCharArray(), offsets);
        strings.CopyTo(pool._cache, 0);
        return pool;
    }

    /// <summary>The characters of the string at <paramref name="index"/> (which must not be negative), without creating it.</summary>
    public ReadOnlySpan<char> Span(int index) => Chars.AsSpan(Offsets[index], Offsets[index + 1] - Offsets[index]);

    /// <summary>The string at <paramref name="index"/>, or null for a negative index. A race creates equal strings twice at worst.</summary>
    public string? Get(int index)
    {
        if (index < 0)
        {
            return null;
        }

        return _cache[index] ??= new string(Chars, Offsets[index], Offsets[index + 1] - Offsets[index]);
    }
}
