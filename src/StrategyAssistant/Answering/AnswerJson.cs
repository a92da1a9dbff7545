using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;

namespace StrategyAssistant.Answering;

/// <summary>The one JSON shape of an answer, shared by <c>ask --json</c> and <c>POST /api/ask</c>:
/// <c>{"question","answer","citations":[{"source","file","title","city","line","lineEnd","location","quote"}],"figures":[…],"notes":[…],"mode"}</c>.</summary>
public static class AnswerJson
{
    /// <summary>Japanese stays readable (not \u-escaped); still safe to embed in HTML.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        WriteIndented = false,
    };

    public static JsonObject ToJson(Answer answer) => new()
    {
        ["question"] = answer.Question,
        ["answer"] = answer.Text,
        ["citations"] = new JsonArray([.. answer.Citations.Select(c => (JsonNode)new JsonObject
        {
            ["source"] = Hosting.SourceLabel.Of(c),
            ["file"] = c.File,
            ["title"] = c.Title,
            ["city"] = c.City,
            ["line"] = c.Line,
            ["lineEnd"] = c.LineEnd,
            ["location"] = c.Location,
            ["quote"] = c.Quote,
        })]),
        ["figures"] = new JsonArray([.. answer.Figures.Select(f => (JsonNode)new JsonObject
        {
            ["value"] = f.Value,
            ["unit"] = f.Unit,
            ["year"] = f.Year,
            ["citation"] = f.Citation,
            ["label"] = f.Label,
        })]),
        ["derivations"] = new JsonArray([.. answer.Derivations.Select(d => (JsonNode)new JsonObject
        {
            ["kind"] = d.Kind.ToString().ToLowerInvariant(),
            ["expression"] = d.Expression,
            ["result"] = d.Result,
            ["operands"] = new JsonArray([.. d.Operands.Select(o => (JsonNode)new JsonObject
            {
                ["value"] = o.Value,
                ["unit"] = o.Unit,
                ["citation"] = o.Citation,
                ["label"] = o.Label,
            })]),
        })]),
        ["notes"] = new JsonArray([.. answer.Notes.Select(n => (JsonNode)JsonValue.Create(n))]),
        ["found"] = answer.Found,
        ["mode"] = answer.Mode == AnswerMode.Model ? "model" : "offline",
    };

    public static string Serialize(Answer answer) => ToJson(answer).ToJsonString(Options);
}
