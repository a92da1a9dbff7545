using System.Text;
using System.Text.Json;

namespace StrategyAssistant.Cli.Tests;

public sealed class AskCommandTests : IClassFixture<CliProcess>
{
    private const string AshibetsuQuestion = "芦別市の移住者数の目標は？";
    private readonly CliProcess _cli;

    public AskCommandTests(CliProcess cli) => _cli = cli;

    [Fact]
    public async Task Ask_prints_the_answer_then_numbered_sources()
    {
        (int code, string output, string error) = await _cli.RunAsync(["ask", AshibetsuQuestion]);

        Assert.Equal(0, code);
        Assert.Contains("40人", output, StringComparison.Ordinal);
        Assert.Contains("出典:", output, StringComparison.Ordinal);
        // Sources named as a person would: city and title, then the lines; never the hash file name.
        Assert.Matches(@"\[1\] 芦別市 第2期.+（施策・KPI） 1(1[6-9]|20)(–\d+)?行", output);
        Assert.DoesNotContain("004_62fb755ce21c91b3.txt", output, StringComparison.Ordinal);
        Assert.Equal(string.Empty, error);
    }

    [Fact]
    public async Task The_start_trace_prints_each_phase_to_standard_error_and_leaves_the_answer_unchanged()
    {
        (int plainCode, string plain, _) = await _cli.RunAsync(["ask", "--json", AshibetsuQuestion]);
        (int code, string output, string error) = await _cli.RunAsync(["ask", "--json", AshibetsuQuestion], environment: ("STRATEGY_ASSISTANT_START_TRACE", "1"));

        Assert.Equal(0, plainCode);
        Assert.Equal(0, code);
        Assert.Equal(plain, output);
        string[] phases = [.. error.Split('\n').Where(l => l.StartsWith("start:", StringComparison.Ordinal))];
        Assert.Equal(6, phases.Length);
        foreach (string phase in new[] { "runtime → Main", "command line", "host, configuration, DI", "dictionary", "snapshot + index open", "command" })
        {
            Assert.Contains(phases, l => l.Contains(phase, StringComparison.Ordinal) && l.Contains("ms wall", StringComparison.Ordinal) && l.Contains("ms CPU", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Ask_json_prints_one_object_with_citations()
    {
        (int code, string output, _) = await _cli.RunAsync(["ask", "--json", AshibetsuQuestion]);

        Assert.Equal(0, code);
        using JsonDocument json = JsonDocument.Parse(output);
        JsonElement root = json.RootElement;
        Assert.Equal(AshibetsuQuestion, root.GetProperty("question").GetString());
        Assert.Contains("40人", root.GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.Equal("offline", root.GetProperty("mode").GetString());
        Assert.Contains(root.GetProperty("citations").EnumerateArray(), c =>
            c.GetProperty("file").GetString() == "004_62fb755ce21c91b3.txt"
            && c.GetProperty("line").GetInt32() <= 118 && c.GetProperty("lineEnd").GetInt32() >= 118
            && c.GetProperty("city").GetString() == "芦別市"
            && c.GetProperty("title").GetString()!.Length > 0
            && c.GetProperty("quote").GetString()!.Contains("40人", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ask_json_without_a_question_answers_standard_input_line_by_line_in_order()
    {
        byte[] input = [
            .. Encoding.UTF8.GetBytes(AshibetsuQuestion + "\n"),
            .. Encoding.UTF8.GetBytes("\n"),
            0xE8, 0x8A, 0xFF, 0xFE, (byte)'\n', // invalid UTF-8
            .. Encoding.UTF8.GetBytes("\"*?~:()[]{}^\\ AND OR NOT\n"),
        ];
        (int code, string output, _) = await _cli.RunAsync(["ask", "--json"], input);

        Assert.Equal(0, code);
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        JsonElement[] answers = [.. lines.Select(l => JsonDocument.Parse(l).RootElement)];
        Assert.Contains("40人", answers[0].GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.False(answers[1].GetProperty("found").GetBoolean());
        Assert.False(answers[2].GetProperty("found").GetBoolean());
        Assert.Equal("\"*?~:()[]{}^\\ AND OR NOT", answers[3].GetProperty("question").GetString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task An_empty_question_is_a_usage_error(string question)
    {
        (int code, string output, string error) = await _cli.RunAsync(["ask", question]);

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains("質問を指定してください", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_command_is_a_usage_error()
    {
        (int code, _, string error) = await _cli.RunAsync(["frobnicate"]);
        Assert.Equal(2, code);
        Assert.Contains("使い方", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_huge_question_gets_a_clear_message()
    {
        (int code, string output, string error) = await _cli.RunAsync(["ask", new string('a', 100_000)]);
        Assert.Equal(0, code);
        Assert.Contains("長すぎます", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", output + error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Control_characters_and_query_syntax_are_answered_without_errors()
    {
        (int code, string output, string error) = await _cli.RunAsync(["ask", "芦別市の\u0007移住者数の目標は？ AND (\"*\" OR ~)"]);
        Assert.Equal(0, code);
        Assert.Contains("40人", output, StringComparison.Ordinal);
        Assert.Equal(string.Empty, error);
    }
}
