using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace StrategyAssistant.Answering;

/// <summary>What kind of answer the question word asks for (いくら → a figure, いつ → a date, なぜ → a reason …).</summary>
public enum AnswerType
{
    /// <summary>No question word decides it: whatever the records or passages hold.</summary>
    Any,
    Figure,
    Date,
    Department,
    Count,
    Comparison,
    Sum,
    Difference,
    Definition,
    Reason,
}

/// <summary>The question-side vocabulary (<c>index/vocabulary/questions-ja.json</c>, embedded in the assembly): ask words,
/// question words, answer-type words, document mentions, synonyms and spelling variants. Words are stored as NFKC, the form
/// questions are compared in.</summary>
public sealed record QuestionVocabulary
{
    public const string ResourceName = "questions-ja.json";

    public required IReadOnlyDictionary<AskedValue, string[]> Asks { get; init; }

    public required string[] MaskedTerms { get; init; }

    /// <summary>Phrases that name a document or its kind, by manifest kind (<c>any</c>: a document in general).</summary>
    public required IReadOnlyDictionary<string, string[]> DocumentMentions { get; init; }

    /// <summary>Answer types in priority order (the first that matches wins).</summary>
    public required IReadOnlyList<(AnswerType Type, string[] Words)> AnswerTypes { get; init; }

    public required string[] CountNouns { get; init; }

    public required string[] CountWords { get; init; }

    public required string[] FullList { get; init; }

    public required string[] RankingMax { get; init; }

    public required string[] RankingMin { get; init; }

    /// <summary>Superlative markers (一番, 最も) and the direction words after them (大きい, 多い / 小さい, 少ない).</summary>
    public required string[] RankingMarkers { get; init; }

    public required string[] DirectionMax { get; init; }

    public required string[] DirectionMin { get; init; }

    public required string[] QuestionWords { get; init; }

    /// <summary>Interrogatives (何, どれ) that, followed closely by a change word (減っ, 増や, 足りな), ask for a difference:
    /// 何万人減った, どれだけ足りない.</summary>
    public string[] DifferenceMarkers { get; init; } = [];

    public string[] ChangeWords { get; init; } = [];

    /// <summary>Words that may stand between a counted noun and its count word (施策はそれぞれいくつ).</summary>
    public string[] CountFillers { get; init; } = [];

    /// <summary>Words that ask what remains to the final target (目標まであと, 残り), not a year's shortfall.</summary>
    public string[] RemainingWords { get; init; } = [];

    /// <summary>Words that, after a name the question narrows a count by (子育て支援部以外), turn it into an exclusion.</summary>
    public string[] ExclusionWords { get; init; } = [];

    /// <summary>Words naming the year before the one asked (R3は前年度から): that year is asked too.</summary>
    public string[] PreviousYearWords { get; init; } = [];

    /// <summary>Count words and the counter a count answers in (何件 → 件, いくつ → つ, 何事業 → 事業).</summary>
    public IReadOnlyDictionary<string, string> Counters { get; init; } = new Dictionary<string, string>();

    /// <summary>Words that make a clause a noun (順調なのは何件, 継続発展になったものはいくつ): a counter after one counts the
    /// items the clause describes.</summary>
    public string[] Nominalizers { get; init; } = [];

    /// <summary>Sum words that, before a count word (指標、全部で何件), say "in all" of a count rather than ask for a sum.</summary>
    public string[] InAllWords { get; init; } = [];

    /// <summary>Status words a question puts on the counted noun (新規事業, 継続事業): a filter where the lines write them.</summary>
    public string[] StatusModifiers { get; init; } = [];

    /// <summary>Words that name a value role outright (予算, 事業費 for a budget; 部署, 所管 for a department), unlike the
    /// generic figure words (いくら) the asks share: a question using one asks for that role and no other value.</summary>
    public IReadOnlyDictionary<AskedValue, string[]> RoleNouns { get; init; } = new Dictionary<AskedValue, string[]>();

    /// <summary>Words a question puts after a measure named in its own words (…の施策, …の事業, …の取組).</summary>
    public string[] MeasureAnchors { get; init; } = ["施策"];

    public required string[][] Synonyms { get; init; }

    public required string[] NotPlaces { get; init; }

    public required string[] WideAreas { get; init; }

    private static readonly Lazy<QuestionVocabulary> s_default = new(() =>
    {
        using Stream stream = typeof(QuestionVocabulary).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded vocabulary {ResourceName} is missing from {typeof(QuestionVocabulary).Assembly.GetName().Name}.");
        return Load(stream);
    });

    /// <summary>The vocabulary bundled with the product.</summary>
    public static QuestionVocabulary Default => s_default.Value;

    /// <summary>Reads a vocabulary file; a malformed one fails with a message naming what is wrong.</summary>
    public static QuestionVocabulary Load(Stream json)
    {
        File? file;
        try
        {
            file = JsonSerializer.Deserialize<File>(json, s_json);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"The question vocabulary is not valid JSON: {ex.Message}", ex);
        }

        if (file?.Asks is null || file.AnswerTypes is null)
        {
            throw new FormatException("The question vocabulary needs \"asks\" and \"answerTypes\".");
        }

        var asks = new Dictionary<AskedValue, string[]>();
        foreach ((string name, string[] words) in file.Asks)
        {
            asks[Enum.TryParse(name, out AskedValue value) ? value : throw new FormatException($"Unknown ask \"{name}\" in the question vocabulary.")] = N(words);
        }

        var roles = new Dictionary<AskedValue, string[]>();
        foreach ((string name, string[] words) in file.RoleNouns ?? [])
        {
            roles[Enum.TryParse(name, out AskedValue value) ? value : throw new FormatException($"Unknown role \"{name}\" in the question vocabulary.")] = N(words);
        }

        var types = new List<(AnswerType, string[])>();
        foreach ((string name, string[] words) in file.AnswerTypes)
        {
            types.Add((Enum.TryParse(name, out AnswerType type) ? type : throw new FormatException($"Unknown answer type \"{name}\" in the question vocabulary."), N(words)));
        }

        return new QuestionVocabulary
        {
            Asks = asks,
            MaskedTerms = N(file.MaskedTerms),
            DocumentMentions = (file.DocumentMentions ?? []).ToDictionary(p => p.Key, p => N(p.Value), StringComparer.Ordinal),
            AnswerTypes = types,
            CountNouns = N(file.CountNouns),
            CountWords = N(file.CountWords),
            FullList = N(file.FullList),
            RankingMax = N(file.RankingMax),
            RankingMin = N(file.RankingMin),
            RankingMarkers = N(file.RankingMarkers),
            DirectionMax = N(file.DirectionMax),
            DirectionMin = N(file.DirectionMin),
            QuestionWords = N(file.QuestionWords),
            DifferenceMarkers = N(file.DifferenceMarkers),
            ChangeWords = N(file.ChangeWords),
            CountFillers = N(file.CountFillers),
            RemainingWords = N(file.RemainingWords),
            ExclusionWords = N(file.ExclusionWords),
            PreviousYearWords = N(file.PreviousYearWords),
            Counters = (file.Counters ?? []).ToDictionary(p => p.Key.Normalize(NormalizationForm.FormKC), p => p.Value.Normalize(NormalizationForm.FormKC), StringComparer.Ordinal),
            Nominalizers = N(file.Nominalizers),
            InAllWords = N(file.InAllWords),
            StatusModifiers = N(file.StatusModifiers),
            RoleNouns = roles,
            MeasureAnchors = file.MeasureAnchors is { Length: > 0 } anchors ? N(anchors) : ["施策"],
            Synonyms = [.. (file.Synonyms ?? []).Select(N)],
            NotPlaces = N(file.NotPlaces),
            WideAreas = N(file.WideAreas),
        };
    }

    private static string[] N(string[]? words) =>
        [.. (words ?? []).Select(w => w.Normalize(NormalizationForm.FormKC)).Where(w => w.Length > 0).Distinct(StringComparer.Ordinal)];

    private static readonly JsonSerializerOptions s_json = new() { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip };

    private sealed class File
    {
        public Dictionary<string, string[]>? Asks { get; set; }

        public string[]? MaskedTerms { get; set; }

        public Dictionary<string, string[]>? DocumentMentions { get; set; }

        // Insertion order is kept by System.Text.Json, so the file's order is the priority order.
        public Dictionary<string, string[]>? AnswerTypes { get; set; }

        public string[]? CountNouns { get; set; }

        public string[]? CountWords { get; set; }

        public string[]? FullList { get; set; }

        public string[]? RankingMax { get; set; }

        public string[]? RankingMin { get; set; }

        public string[]? RankingMarkers { get; set; }

        public string[]? DirectionMax { get; set; }

        public string[]? DirectionMin { get; set; }

        public string[]? QuestionWords { get; set; }

        public string[]? DifferenceMarkers { get; set; }

        public string[]? ChangeWords { get; set; }

        public string[]? CountFillers { get; set; }

        public string[]? RemainingWords { get; set; }

        public string[]? ExclusionWords { get; set; }

        public string[]? PreviousYearWords { get; set; }

        public Dictionary<string, string>? Counters { get; set; }

        public string[]? Nominalizers { get; set; }

        public string[]? InAllWords { get; set; }

        public string[]? StatusModifiers { get; set; }

        public Dictionary<string, string[]>? RoleNouns { get; set; }

        public string[]? MeasureAnchors { get; set; }

        public string[][]? Synonyms { get; set; }

        public string[]? NotPlaces { get; set; }

        public string[]? WideAreas { get; set; }

        [JsonPropertyName("_comment")]
        public string? Comment { get; set; }
    }
}
