using System.Text.Json.Nodes;

namespace StrategyAssistant.Tests.Answering;

/// <summary>One scripted model behaviour and what the user must never see because of it. <see cref="Accepted"/>: the model
/// answer is shown (mode model); otherwise the offline answer with the fallback notice.</summary>
public sealed record GroundingAttack(string Name, Action<ScriptedChatServer> Script, string Forbidden, bool Accepted)
{
    public override string ToString() => Name;
}

/// <summary>The cases of issue 12, shared by the service, console and bot tests (linked into each test project). Every case
/// asks <see cref="Question"/>, whose offline answer is 目標値 40人（R6）, 基準値 16人（H30）.</summary>
public static class GroundingAttacks
{
    public const string Question = "芦別市の移住者数の目標は？";

    /// <summary>The deadline the hosts are configured with for these cases.</summary>
    public const int DeadlineSeconds = 4;

    public static IReadOnlyList<GroundingAttack> All { get; } =
    [
        new("kanji numerals", s => s.ReplyText("芦別市の移住者数の目標は四十五人です [1]。"), "四十五", false),
        new("figure of another record fetched by a tool", s =>
        {
            s.ReplyToolCall("strategy-search_kpis", new { query = "職業訓練校受講生数", city = "岩見沢市" });
            s.ReplyText(request => $"芦別市の移住者数の目標は45人です [{SourceOf(request, "45人")}]。");
        }, "45人", false),
        new("baseline relabelled as target", s => s.ReplyText("芦別市の移住者数の目標値は16人（R6）です [1]。"), "目標値は16人", false),
        new("wrong year", s => s.ReplyText("芦別市の移住者数の目標は40人（H30）です [1]。"), "40人（H30）", false),
        new("wrong city", s => s.ReplyText("砂川市の移住者数の目標は40人（R6）です [1]。"), "砂川市の移住者数", false),
        new("digit-free status claim", s => s.ReplyText("芦別市は移住者数の目標を撤回しました。目標はありません。"), "撤回", false),
        new("injected URL", s => s.ReplyText("芦別市の移住者数の目標は 40人（R6）です [1]。詳しくは http://evil.example/phish を参照。"), "evil.example", true),
        new("correct answer", s => s.ReplyText("芦別市の移住者数の目標は 40人（R6）です [1]。"), "四十五", true),
        new("500", s =>
        {
            s.ReplyStatus(500);
            s.ReplyStatus(500);
        }, "scripted failure", false),
        new("cut stream", s => s.ReplyCut("芦別市の移住者数の目標は", "四十五人です", " [1]。"), "四十五", false),
        new("stalled body", s => s.ReplyStalled(), "芦別市の移住者数の目標は四十五", false),
    ];

    public static GroundingAttack Named(string name) => All.Single(a => a.Name == name);

    /// <summary>The model settings of a host pointed at <paramref name="server"/> (configuration keys with ':').</summary>
    public static Dictionary<string, string?> Settings(ScriptedChatServer server, string repositoryRoot) => new()
    {
        ["StrategyAssistant:Model:Endpoint"] = server.Endpoint,
        ["StrategyAssistant:Model:ModelId"] = "test-model",
        ["StrategyAssistant:Model:ApiKey"] = "test-key",
        ["StrategyAssistant:Model:DeadlineSeconds"] = DeadlineSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["StrategyAssistant:Model:TimeoutSeconds"] = "3",
        ["StrategyAssistant:Model:MaxRetries"] = "1",
        ["StrategyAssistant:Model:RetryDelayMilliseconds"] = "50",
        ["StrategyAssistant:Model:PromptsPath"] = Path.Combine(repositoryRoot, "prompts"),
    };

    /// <summary>The source number the last tool result gives the figure <paramref name="figure"/> (as the model would cite it).</summary>
    private static int SourceOf(JsonNode request, string figure)
    {
        JsonNode tool = request["messages"]!.AsArray().Last(m => (string?)m!["role"] == "tool")!;
        foreach (JsonNode? kpi in JsonNode.Parse((string)tool["content"]!)!.AsArray())
        {
            foreach (string role in new[] { "target", "baseline", "actual" })
            {
                if (kpi?[role] is JsonObject value && ((string?)value["text"])?.Contains(figure, StringComparison.Ordinal) == true)
                {
                    return (int)value["source"]!;
                }
            }
        }

        throw new InvalidOperationException($"The tool result has no {figure}: {tool["content"]}");
    }
}
