using StrategyAssistant.Records;

namespace StrategyAssistant.Answering.Grounding;

/// <summary>One figure an answer states and what the sentence says it is: the value role, the year, the city and the
/// subjects (indicator or project names) it is about. A bare number (第2期, a date part) has no role or unit and is only
/// required to stand somewhere in the sources.</summary>
public sealed record Claim(NumberToken Number, string? Role, FiscalPeriod? Year, string? City, IReadOnlyList<string> Subjects, bool IsFigure)
{
    public override string ToString() =>
        $"{Number.Text}（{Role ?? "役割なし"}, {Year?.Text ?? "年度なし"}, {City ?? "市町村なし"}, {(Subjects.Count == 0 ? "対象なし" : string.Join("/", Subjects))}）";
}

/// <summary>Reads the claims of an answer sentence by sentence. What a sentence is about carries on to the next ones: the
/// last city named (else the question's single city) and the last subjects named (else the question's), as in
/// 「芦別市「移住者数」[1]」 followed by 「・目標値: 40人（R6）」.</summary>
public sealed class ClaimReader
{
    private readonly GroundingSources _sources;
    private string? _city;
    private IReadOnlyList<string> _subjects;

    public ClaimReader(GroundingSources sources, string preparedQuestion)
    {
        _sources = sources;
        var cities = Mentions(preparedQuestion, sources.Cities.Select(c => c.Form)).Select(m => CityOf(m.Word)).Distinct(StringComparer.Ordinal).ToList();
        _city = cities.Count == 1 ? cities[0] : null;
        _subjects = [.. Mentions(preparedQuestion, sources.Subjects).Select(m => m.Word).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The claims of one prepared sentence (see <see cref="Figures.Prepare"/>), in order.</summary>
    public List<Claim> Read(string sentence)
    {
        GroundingVocabulary words = _sources.Vocabulary;
        var cities = Mentions(sentence, _sources.Cities.Select(c => c.Form));
        var subjects = Mentions(sentence, _sources.Subjects);
        List<NumberToken> numbers = Figures.Scan(sentence, words, _sources.Units);
        var claims = new List<Claim>();
        for (int n = 0; n < numbers.Count; n++)
        {
            NumberToken number = numbers[n];
            // Number tokens may overlap (a value and its unit read twice): the span between them is never negative.
            int previousEnd = n == 0 ? 0 : Math.Min(number.Index, numbers[n - 1].Index + numbers[n - 1].Length);
            string? role = AttachedRole(sentence, words, previousEnd, number.Index);
            FiscalPeriod? year = AttachedYear(sentence, previousEnd, number);
            string? city = cities.LastOrDefault(c => c.Index < number.Index) is { Word: not null } c ? CityOf(c.Word) : _city;
            // The subjects named since the previous figure, else anywhere before it in the sentence.
            var before = subjects.Where(s => s.Index >= previousEnd && s.Index < number.Index).Select(s => s.Word).ToList();
            if (before.Count == 0)
            {
                before = [.. subjects.Where(s => s.Index < number.Index).Select(s => s.Word)];
            }

            bool isFigure = !number.IsDate && (number.Unit is not null || role is not null);
            claims.Add(new Claim(number, role, year, city, before.Count > 0 ? before : _subjects, isFigure));
        }

        if (cities.Count > 0)
        {
            _city = CityOf(cities[^1].Word);
        }

        if (subjects.Count > 0)
        {
            _subjects = [.. subjects.Select(s => s.Word).Distinct(StringComparer.Ordinal)];
        }

        return claims;
    }

    /// <summary>The value roles a text names (基準値 …), with where; compounds such as 基本目標 are not roles.</summary>
    public static List<(int Index, string Role)> Roles(string text, GroundingVocabulary words)
    {
        char[] masked = Mask(text, words.NotRoles);
        var found = new List<(int, string)>();
        foreach ((string word, string role) in words.RoleWords)
        {
            for (int at = IndexOf(masked, word, 0); at >= 0; at = IndexOf(masked, word, at + word.Length))
            {
                found.Add((at, role));
                Array.Fill(masked, '\0', at, word.Length);
            }
        }

        found.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return found;
    }

    /// <summary>The role named between the previous number and this one (「基準値 16人、目標 40人」), or null.</summary>
    public static string? AttachedRole(string text, GroundingVocabulary words, int from, int to) =>
        Roles(text[from..to], words) is { Count: > 0 } roles ? roles[^1].Role : null;

    /// <summary>The year in brackets right after the number (40人（R6）), else between the previous number and this one
    /// (令和6年度の目標は40人), or null.</summary>
    public static FiscalPeriod? AttachedYear(string text, int from, NumberToken number)
    {
        int end = number.Index + number.Length;
        FiscalPeriod? before = null;
        foreach (FiscalYearParser.Match year in FiscalYearParser.FindAll(text))
        {
            // Only a bracketed year after the figure is its own; a bare one starts the next item (… 3 令和6年度目標値 19).
            if (year.Index >= end && year.Index - end <= 3 && text[end..year.Index] is { } gap && gap.All(c => c is ' ' or '(' or '（' or '[') && gap.Any(c => c is '(' or '（' or '['))
            {
                return year.Period;
            }

            if (year.Index >= from && year.Index + year.Length <= number.Index)
            {
                before = year.Period;
            }
        }

        return before;
    }

    /// <summary>The status words (撤回, 中止, 未達成 …) a text uses; a longer word hides the shorter ones inside it.</summary>
    public static HashSet<string> StatusWords(string text, GroundingVocabulary words) =>
        [.. Mentions(text, words.StatusWords).Select(m => m.Word)];

    /// <summary>Non-overlapping occurrences of <paramref name="candidates"/> (longest first) in <paramref name="text"/>.</summary>
    public static List<(int Index, string Word)> Mentions(string text, IEnumerable<string> candidates)
    {
        char[] masked = text.ToCharArray();
        var found = new List<(int, string)>();
        foreach (string word in candidates.Where(w => w.Length > 0).OrderByDescending(w => w.Length))
        {
            for (int at = IndexOf(masked, word, 0); at >= 0; at = IndexOf(masked, word, at + word.Length))
            {
                found.Add((at, word));
                Array.Fill(masked, '\0', at, word.Length);
            }
        }

        found.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return found;
    }

    private string CityOf(string form) => _sources.Cities.First(c => c.Form == form).City;

    private static char[] Mask(string text, IReadOnlyList<string> words)
    {
        char[] chars = text.ToCharArray();
        foreach (string word in words)
        {
            for (int at = IndexOf(chars, word, 0); at >= 0; at = IndexOf(chars, word, at + word.Length))
            {
                Array.Fill(chars, '\0', at, word.Length);
            }
        }

        return chars;
    }

    private static int IndexOf(char[] text, string word, int start) =>
        start > text.Length ? -1 : text.AsSpan(start).IndexOf(word.AsSpan(), StringComparison.Ordinal) is int i && i >= 0 ? start + i : -1;
}
