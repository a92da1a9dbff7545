using System.Text;
using System.Text.Json;

namespace StrategyAssistant.Answering.Grounding;

/// <summary>The words the grounding check reads answers with (value roles, status words, units, instructions), from the
/// embedded <c>grounding-ja.json</c>. All comparisons are on NFKC-normalised text.</summary>
public sealed class GroundingVocabulary
{
    private const string ResourceName = "StrategyAssistant.Answering.Grounding.grounding-ja.json";

    private GroundingVocabulary(Document document)
    {
        RoleWords = [.. document.Roles.SelectMany(r => r.Value.Select(w => (Word: Fold(w), Role: r.Key))).OrderByDescending(x => x.Word.Length)];
        NotRoles = [.. document.NotRoles.Select(Fold).OrderByDescending(w => w.Length)];
        StatusWords = [.. document.StatusWords.Select(Fold).OrderByDescending(w => w.Length)];
        Units = [.. document.Units.Select(Fold).OrderByDescending(w => w.Length)];
        PercentUnits = new HashSet<string>(document.PercentUnits.Select(Fold), StringComparer.Ordinal);
        DateUnits = [.. document.DateUnits.Select(Fold).OrderByDescending(w => w.Length)];
        Instructions = [.. document.Instructions.Select(Fold)];
    }

    public static GroundingVocabulary Default { get; } = Load();

    /// <summary>Role words, longest first, with the role they name (基準値, 目標値, 実績値, 予算).</summary>
    public IReadOnlyList<(string Word, string Role)> RoleWords { get; }

    /// <summary>Compounds that contain a role word without naming a value role (基本目標).</summary>
    public IReadOnlyList<string> NotRoles { get; }

    /// <summary>Words asserting a change of status (撤回, 中止, 廃止, 達成, 未達 …), longest first.</summary>
    public IReadOnlyList<string> StatusWords { get; }

    /// <summary>Units and counters a figure may carry, longest first.</summary>
    public IReadOnlyList<string> Units { get; }

    public IReadOnlySet<string> PercentUnits { get; }

    /// <summary>What makes a number a date part (年度, 月 …) rather than a figure.</summary>
    public IReadOnlyList<string> DateUnits { get; }

    /// <summary>Phrases of a sentence that tells the reader to do something.</summary>
    public IReadOnlyList<string> Instructions { get; }

    public static string Fold(string text) => text.Normalize(NormalizationForm.FormKC);

    private static GroundingVocabulary Load()
    {
        using Stream stream = typeof(GroundingVocabulary).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded vocabulary {ResourceName} is missing.");
        Document document = JsonSerializer.Deserialize<Document>(stream, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })
            ?? throw new InvalidOperationException($"The embedded vocabulary {ResourceName} is empty.");
        return new GroundingVocabulary(document);
    }

    private sealed class Document
    {
        public Dictionary<string, List<string>> Roles { get; set; } = [];

        public List<string> NotRoles { get; set; } = [];

        public List<string> StatusWords { get; set; } = [];

        public List<string> Units { get; set; } = [];

        public List<string> PercentUnits { get; set; } = [];

        public List<string> DateUnits { get; set; } = [];

        public List<string> Instructions { get; set; } = [];
    }
}
