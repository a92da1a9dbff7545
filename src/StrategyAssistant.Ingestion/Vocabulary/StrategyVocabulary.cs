using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion.Vocabulary;

/// <summary>What a table column holds, named by its header.</summary>
public enum ColumnRole
{
    None,
    Indicator,
    Baseline,
    Current,
    Target,
    Actual,
    Status,
    Evaluation,
    Department,
    Budget,
    Project,
    Repeat,
    Grant,
    Number,

    /// <summary>A column giving the year of the row's baseline (基準年), when the value column's header has none.</summary>
    BaselineYear,

    /// <summary>A column giving the year of the row's target (目標年).</summary>
    TargetYear,

    /// <summary>A column giving the year of the row's actual (実績年).</summary>
    ActualYear,

    /// <summary>A column naming what a row's figures are (区分: 計画 / 実績) in a table of one column per year.</summary>
    Kind,

    /// <summary>A column naming the row's 基本目標 (1 しごとをつくる, Ⅰ 産業の振興).</summary>
    Goal,

    /// <summary>A column naming the row's 施策 (①酪農経営の安定化, (1)雪冷熱エネルギーの活用).</summary>
    Measure,

    /// <summary>A remark column (備考): what the document says about a row besides its figures, e.g. why an actual is missing.</summary>
    Remark,

    /// <summary>An achievement or progress column (達成率, 進捗率).</summary>
    Achievement,

    /// <summary>A unit column (単位): the unit of the row's figures when the cells do not write one.</summary>
    Unit,
}

/// <summary>The domain words ingestion recognises, read from <c>index/vocabulary/strategy-ja.json</c>. Nothing in the
/// interpreters names a header, a status or a unit word: they ask this type.</summary>
public sealed partial class StrategyVocabulary
{
    private const string ResourceName = "strategy-ja.json";

    private static readonly Lazy<StrategyVocabulary> s_default = new(LoadEmbedded);

    private readonly List<(string Word, ColumnRole Role)> _roleWords;

    private StrategyVocabulary(VocabularyFile file, string version)
    {
        Version = version;
        _roleWords = [];
        foreach ((string name, List<string> words) in file.ColumnRoles ?? [])
        {
            if (!Enum.TryParse(name, ignoreCase: true, out ColumnRole role) || role == ColumnRole.None)
            {
                throw new InvalidDataException($"Vocabulary: unknown column role '{name}'.");
            }

            _roleWords.AddRange(words.Select(w => (Fold(w), role)));
        }

        // Longest first, so 達成状況 wins over 状況 and 予算事業費 over 事業.
        _roleWords.Sort((a, b) => b.Word.Length.CompareTo(a.Word.Length));
        GoalTargetMarkers = file.GoalTargetMarkers ?? [];
        KpiMarkers = file.KpiMarkers ?? [];
        StatusWords = [.. (file.StatusWords ?? []).OrderByDescending(w => w.Length)];
        EvaluationWords = [.. (file.EvaluationWords ?? []).OrderByDescending(w => w.Length)];
        DepartmentSuffixes = file.DepartmentSuffixes ?? [];
        UnitWords = [.. (file.UnitWords ?? []).OrderByDescending(w => w.Length)];
        EraWords = file.EraWords ?? [];
        FootnoteMarks = file.FootnoteMarks ?? [];
        ForwardArrows = file.Arrows?.Forward ?? [];
        BackwardArrows = file.Arrows?.Backward ?? [];
        KindWords = file.KindWords ?? [];
        NoFigureWords = file.NoFigureWords ?? [];
        RemarkWords = file.RemarkWords ?? [];
        TotalWords = file.TotalWords ?? [];
        PartOfPrefixes = file.PartOfPrefixes ?? [];
        YearPrefixes = file.YearPrefixes ?? [];
        FigurePrefixes = file.FigurePrefixes ?? [];
        SpanPrefixes = file.SpanPrefixes ?? [];
        Notations = new NotationHeaders(file.NotationHeaders);
        _preference = (file.ColumnPreference ?? []).ToDictionary(
            p => Enum.TryParse(p.Key, ignoreCase: true, out ColumnRole r) && r != ColumnRole.None ? r : throw new InvalidDataException($"Vocabulary: unknown column role '{p.Key}' in columnPreference."),
            p => p.Value.Select(Fold).ToList());
    }

    /// <summary>The vocabulary shipped with the assembly.</summary>
    public static StrategyVocabulary Default => s_default.Value;

    /// <summary>The file's declared version and a hash of its bytes: part of the snapshot stamp, so a word added re-ingests.</summary>
    public string Version { get; }

    public IReadOnlyList<string> GoalTargetMarkers { get; }

    public IReadOnlyList<string> KpiMarkers { get; }

    public IReadOnlyList<string> StatusWords { get; }

    public IReadOnlyList<string> EvaluationWords { get; }

    public IReadOnlyList<string> DepartmentSuffixes { get; }

    public IReadOnlyList<string> UnitWords { get; }

    /// <summary>Era names and the Western year before their first year (令和 → 2018).</summary>
    public IReadOnlyDictionary<string, int> EraWords { get; }

    public IReadOnlyList<string> FootnoteMarks { get; }

    public IReadOnlyList<string> ForwardArrows { get; }

    public IReadOnlyList<string> BackwardArrows { get; }

    public IReadOnlyDictionary<string, List<string>> KindWords { get; }

    /// <summary>Words a value cell holds instead of a figure on purpose (算出不可, 調査中 …).</summary>
    public IReadOnlyList<string> NoFigureWords { get; }

    /// <summary>Words that say a text explains a missing figure (ため, 未実施, 中止 …): a remark or footnote with one is a reason.</summary>
    public IReadOnlyList<string> RemarkWords { get; }

    /// <summary>Labels of a stated total row by kind (subtotal: 小計; total: 合計, 計 …).</summary>
    public IReadOnlyDictionary<string, List<string>> TotalWords { get; }

    /// <summary>Words written before a role word that make the column a part of another (うち交付金: the grant within the
    /// cost): the role is the word's after them.</summary>
    public IReadOnlyList<string> PartOfPrefixes { get; }

    /// <summary>Marks written before a Western year in a header (FY2020): the header is still only that year.</summary>
    public IReadOnlyList<string> YearPrefixes { get; }

    /// <summary>Words written before a figure that qualify it (約, 暫定値): the value still begins there.</summary>
    public IReadOnlyList<string> FigurePrefixes { get; }

    /// <summary>Words of a span or count written before a figure (累計, 年間, 毎年, 延べ): 累計十人 is still a value.</summary>
    public IReadOnlyList<string> SpanPrefixes { get; }

    /// <summary>The header words of the notation interpreters.</summary>
    public NotationHeaders Notations { get; }

    public static StrategyVocabulary Load(string path) => Parse(File.ReadAllBytes(path), path);

    public static StrategyVocabulary Parse(byte[] json, string origin)
    {
        VocabularyFile? file;
        try
        {
            file = JsonSerializer.Deserialize<VocabularyFile>(json, new JsonSerializerOptions { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{origin} is not a valid vocabulary file: {ex.Message}", ex);
        }

        if (file?.ColumnRoles is null)
        {
            throw new InvalidDataException($"{origin} has no columnRoles.");
        }

        string hash = Convert.ToHexStringLower(SHA256.HashData(json))[..12];
        return new StrategyVocabulary(file, $"{file.Version ?? "0"}-{hash}");
    }

    /// <summary>The role a header cell names: the cell without its years, parentheses and spaces must be a role word,
    /// e.g. <c>基準値（令和元年度）</c>, <c>令和2年度実績値</c>, <c>担当部</c>; anything longer is not a header.</summary>
    public ColumnRole RoleOf(string headerCell) => Remember(_roles, headerCell, ReadRole);

    private ColumnRole ReadRole(string headerCell)
    {
        string core = Core(headerCell);
        if (core.Length == 0)
        {
            return ColumnRole.None;
        }

        foreach ((string word, ColumnRole role) in _roleWords)
        {
            if (string.Equals(core, word, StringComparison.Ordinal))
            {
                return role;
            }
        }

        return ColumnRole.None;
    }

    /// <summary>The status word a cell is (順調, 概ね順調 …), or null.</summary>
    public string? StatusIn(string cell) => StatusWords.FirstOrDefault(w => string.Equals(Fold(cell), Fold(w), StringComparison.Ordinal));

    /// <summary>The unit a header or caption states, e.g. <c>目標値（人）</c> or <c>（単位：千円）</c>, or null.</summary>
    public string? UnitIn(string text) => Remember(_units, text, ReadUnit);

    private string? ReadUnit(string text)
    {
        string folded = Fold(text);
        foreach (string unit in UnitWords)
        {
            string u = Fold(unit);
            if (folded.Contains("単位:" + u, StringComparison.Ordinal) || folded.Contains("(" + u + ")", StringComparison.Ordinal))
            {
                return unit;
            }
        }

        return null;
    }

    /// <summary>True for a cell that is only a unit: <c>（人）</c>, <c>単位：千円</c>, <c>(%)</c>.</summary>
    public bool IsUnitOnly(string cell)
    {
        string folded = Fold(cell).Trim('(', ')');
        if (folded.StartsWith("単位:", StringComparison.Ordinal))
        {
            folded = folded[3..];
        }

        return UnitWords.Any(u => string.Equals(Fold(u), folded, StringComparison.Ordinal));
    }

    public bool IsDepartment(string cell) =>
        cell.Length is > 1 and <= 16 && DepartmentSuffixes.Any(s => cell.EndsWith(s, StringComparison.Ordinal)) && !cell.Any(char.IsDigit);

    /// <summary>NFKC and no spaces: how words are compared.</summary>
    public static string Fold(string text)
    {
        if (s_folded.TryGetValue(text, out string? folded))
        {
            return folded;
        }

        folded = new string(text.Normalize(NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c)).ToArray());
        if (s_folded.Count >= MaxFolded)
        {
            s_folded.Clear();
        }

        s_folded.TryAdd(text, folded);
        return folded;
    }

    // The vocabulary never changes once read, and table finding asks the same cells again and again (every line of a table is
    // tried as a header): each distinct cell's role and unit are worked out once per vocabulary. Bounded like the folds.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, ColumnRole> _roles = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string?> _units = new(StringComparer.Ordinal);

    private static T Remember<T>(System.Collections.Concurrent.ConcurrentDictionary<string, T> memo, string text, Func<string, T> read)
    {
        if (memo.TryGetValue(text, out T? known))
        {
            return known;
        }

        T value = read(text);
        if (memo.Count >= MaxFolded)
        {
            memo.Clear();
        }

        memo.TryAdd(text, value);
        return value;
    }

    // Folding is called for the same vocabulary words and cells over and over (every cell against every role word), and NFKC
    // through ICU is costly per call: each distinct text is folded once. Bounded so a huge corpus does not grow it without end.
    private const int MaxFolded = 200_000;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> s_folded = new(StringComparer.Ordinal);

    /// <summary>A header's role word: <see cref="HeaderCore"/> without a part-of prefix (うち交付金 → 交付金).</summary>
    private string Core(string cell)
    {
        string core = HeaderCore(cell);
        foreach (string prefix in PartOfPrefixes)
        {
            string p = Fold(prefix);
            if (core.Length > p.Length && core.StartsWith(p, StringComparison.Ordinal))
            {
                return core[p.Length..];
            }
        }

        return core;
    }

    private static string HeaderCore(string cell)
    {
        // A footnote reference (現状値※1) is no part of the role word.
        string text = System.Text.RegularExpressions.Regex.Replace(Fold(cell), "※[0-9]*", string.Empty);
        var years = FiscalYearParser.FindAll(text).ToList();
        for (int i = years.Count - 1; i >= 0; i--)
        {
            text = text.Remove(years[i].Index, years[i].Length);
        }

        var sb = new StringBuilder();
        int depth = 0;
        foreach (char c in text)
        {
            if (c is '(' or '[' or '【' or '〔')
            {
                depth++;
            }
            else if (c is ')' or ']' or '】' or '〕')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (depth == 0 && c is not ('・' or ':' or '※' or '*'))
            {
                sb.Append(c);
            }
        }

        return sb.ToString().TrimEnd('末', '度');
    }

    private static StrategyVocabulary LoadEmbedded()
    {
        using Stream stream = typeof(StrategyVocabulary).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidDataException($"The assembly has no embedded {ResourceName}.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return Parse(buffer.ToArray(), ResourceName);
    }
}
