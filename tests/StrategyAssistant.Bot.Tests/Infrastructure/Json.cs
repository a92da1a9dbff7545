using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace StrategyAssistant.Bot.Tests.Infrastructure;

internal static class TestJson
{
    /// <summary>Japanese kept as is (not \u-escaped), as Teams sends it.</summary>
    public static JsonSerializerOptions Options { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Text(JsonNode? node) => node?.ToJsonString(Options) ?? "null";
}
