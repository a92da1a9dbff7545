using System.Globalization;
using System.Text;
using System.Text.Json;
using StrategyAssistant.Answering;

namespace StrategyAssistant.Evaluation;

/// <summary>One question of an evaluation set (the format of <c>qa-public.jsonl</c>).</summary>
/// <param name="ExpectFound">False for a question the documents do not answer (<c>expect_found: false</c>): right when the
/// answer says so (<see cref="Answer.Found"/> false) and gives no forbidden figure; nothing to cite.</param>
public sealed record EvalCase(string Id, string Question, string City, string Kind, IReadOnlyList<string> Expect, IReadOnlyList<string> Forbid, string Doc, int Line, bool ExpectFound = true);

/// <summary>How one question fared.</summary>
public sealed record EvalResult(EvalCase Case, Answer Answer, bool Right, bool Cited, IReadOnlyList<string> Missing);

/// <summary>Scores answers the project's way: right when every expected string is in the NFKC-normalised answer and no
/// forbidden one is; right and cited when, in addition, a citation names the document and covers the line (±2).</summary>
public static class EvalRunner
{
    public const int LineSlack = 2;

    /// <summary>Reads a JSON Lines question set; a malformed line is reported with its number.</summary>
    public static IReadOnlyList<EvalCase> Load(string path)
    {
        var cases = new List<EvalCase>();
        int number = 0;
        foreach (string line in File.ReadLines(path, Encoding.UTF8))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using JsonDocument json = JsonDocument.Parse(line);
                JsonElement root = json.RootElement;
                cases.Add(new EvalCase(
                    root.GetProperty("id").GetString() ?? $"line{number}",
                    root.GetProperty("question").GetString() ?? string.Empty,
                    root.TryGetProperty("city", out JsonElement city) ? city.GetString() ?? string.Empty : string.Empty,
                    root.TryGetProperty("kind", out JsonElement kind) ? kind.GetString() ?? "other" : "other",
                    Strings(root, "expect"),
                    Strings(root, "forbid"),
                    root.TryGetProperty("doc", out JsonElement doc) ? doc.GetString() ?? string.Empty : string.Empty,
                    root.TryGetProperty("line", out JsonElement l) && l.ValueKind == JsonValueKind.Number ? l.GetInt32() : 0,
                    !root.TryGetProperty("expect_found", out JsonElement f) || f.ValueKind != JsonValueKind.False));
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                throw new FormatException($"{path}:{number}: not a question object ({ex.Message}).", ex);
            }
        }

        return cases;
    }

    public static async Task<IReadOnlyList<EvalResult>> RunAsync(IAnswerService answers, IEnumerable<EvalCase> cases, CancellationToken cancellationToken = default)
    {
        var results = new List<EvalResult>();
        foreach (EvalCase evalCase in cases)
        {
            Answer answer = await answers.AnswerAsync(evalCase.Question, cancellationToken);
            results.Add(Score(evalCase, answer));
        }

        return results;
    }

    public static EvalResult Score(EvalCase evalCase, Answer answer)
    {
        string text = Normalize(answer.Text + "\n" + string.Join("\n", answer.Notes));
        var missing = evalCase.Expect.Where(e => !text.Contains(Normalize(e), StringComparison.Ordinal)).ToList();
        bool forbidden = evalCase.Forbid.Any(f => text.Contains(Normalize(f), StringComparison.Ordinal));
        if (!evalCase.ExpectFound)
        {
            bool abstained = !answer.Found && !forbidden;
            return new EvalResult(evalCase, answer, abstained, abstained, answer.Found ? ["found: false"] : missing);
        }

        bool right = missing.Count == 0 && !forbidden;
        bool cited = right && answer.Citations.Any(c => c.Covers(evalCase.Doc, evalCase.Line, LineSlack));
        return new EvalResult(evalCase, answer, right, cited, missing);
    }

    /// <summary>The table per kind (right / right and cited), the totals, then the misses.</summary>
    public static string Report(IReadOnlyList<EvalResult> results)
    {
        var builder = new StringBuilder();
        builder.AppendLine("kind          n  right  cited");
        foreach (IGrouping<string, EvalResult> kind in results.GroupBy(r => r.Case.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            builder.AppendLine(CultureInfo.InvariantCulture, $"{kind.Key,-12} {kind.Count(),2}  {kind.Count(r => r.Right),5}  {kind.Count(r => r.Cited),5}");
        }

        int n = results.Count;
        builder.AppendLine(CultureInfo.InvariantCulture, $"{"total",-12} {n,2}  {results.Count(r => r.Right),5}  {results.Count(r => r.Cited),5}   ({Percent(results.Count(r => r.Right), n)} right, {Percent(results.Count(r => r.Cited), n)} right and cited)");
        var misses = results.Where(r => !r.Cited).ToList();
        if (misses.Count > 0)
        {
            builder.AppendLine().AppendLine("misses:");
            foreach (EvalResult miss in misses)
            {
                string why = !miss.Right
                    ? (miss.Missing.Count > 0 ? "missing " + string.Join(", ", miss.Missing) : "forbidden string present")
                    : $"not cited ({miss.Case.Doc}:{miss.Case.Line}; cited {string.Join(", ", miss.Answer.Citations.Select(c => c.ToString()))})";
                builder.AppendLine(CultureInfo.InvariantCulture, $"  {miss.Case.Id} [{miss.Case.Kind}] {miss.Case.Question}");
                builder.AppendLine(CultureInfo.InvariantCulture, $"      {why}");
            }
        }

        return builder.ToString();
    }

    private static string Percent(int count, int total) => total == 0 ? "0%" : (100.0 * count / total).ToString("F1", CultureInfo.InvariantCulture) + "%";

    private static string Normalize(string text) => text.Normalize(NormalizationForm.FormKC);

    private static IReadOnlyList<string> Strings(JsonElement root, string name) =>
        root.TryGetProperty(name, out JsonElement array) && array.ValueKind == JsonValueKind.Array
            ? [.. array.EnumerateArray().Select(e => e.GetString() ?? string.Empty)]
            : [];
}
