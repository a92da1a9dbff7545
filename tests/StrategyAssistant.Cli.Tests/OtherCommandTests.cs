using System.Text;
using System.Text.Json;

namespace StrategyAssistant.Cli.Tests;

public sealed class OtherCommandTests : IClassFixture<CliProcess>
{
    private readonly CliProcess _cli;

    public OtherCommandTests(CliProcess cli) => _cli = cli;

    [Fact]
    public async Task Records_export_json_for_a_city_has_the_project_fields()
    {
        (int code, string output, _) = await _cli.RunAsync(["records", "export", "--format", "json", "--city", "旭川市"]);

        Assert.Equal(0, code);
        using JsonDocument json = JsonDocument.Parse(output);
        JsonElement[] projects = [.. json.RootElement.GetProperty("projects").EnumerateArray()];
        Assert.Equal(191, projects.Length);
        JsonElement medical = projects.Single(p => p.GetProperty("name").GetString() == "子ども医療費助成事業");
        Assert.Equal(1104287m, medical.GetProperty("budget").GetDecimal());
        Assert.Equal("1,104,287", medical.GetProperty("budgetText").GetString());
        Assert.Equal(716, medical.GetProperty("line").GetInt32());
        Assert.All(json.RootElement.GetProperty("kpis").EnumerateArray(), k => Assert.Equal("旭川市", k.GetProperty("city").GetString()));
        Assert.NotEmpty(json.RootElement.GetProperty("notes").EnumerateArray());
    }

    [Fact]
    public async Task Records_export_csv_writes_one_bom_file_per_kind()
    {
        string folder = Path.Combine(Path.GetTempPath(), $"sa-export-{Guid.NewGuid():N}");
        try
        {
            (int code, _, _) = await _cli.RunAsync(["records", "export", "--format", "csv", "--out", folder]);

            Assert.Equal(0, code);
            foreach (string kind in new[] { "kpis", "projects", "notes" })
            {
                byte[] bytes = await File.ReadAllBytesAsync(Path.Combine(folder, kind + ".csv"));
                Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
            }

            Assert.Contains("林業担い手確保・育成支援事業", await File.ReadAllTextAsync(Path.Combine(folder, "projects.csv")), StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Fact]
    public async Task Records_export_reads_the_snapshot_and_neither_opens_nor_builds_the_index()
    {
        string folder = Path.Combine(Path.GetTempPath(), $"sa-export-index-{Guid.NewGuid():N}");
        string index = Path.Combine(folder, "lucene");
        try
        {
            (int code, string output, _) = await _cli.RunAsync(["records", "export", "--city", "芦別市"], environment: ("StrategyAssistant__IndexPath", index));
            Assert.Equal(0, code);
            Assert.Contains("芦別市", output, StringComparison.Ordinal);
            Assert.True(File.Exists(index + ".snapshot.json"));
            Assert.False(Directory.Exists(index));

            (int again, string second, _) = await _cli.RunAsync(["records", "export", "--city", "芦別市"], environment: ("StrategyAssistant__IndexPath", index));
            Assert.Equal(0, again);
            Assert.Equal(output, second);
            Assert.False(Directory.Exists(index));
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Fact]
    public async Task Records_export_of_an_unknown_city_is_a_usage_error()
    {
        (int code, _, string error) = await _cli.RunAsync(["records", "export", "--city", "札幌市"]);
        Assert.Equal(2, code);
        Assert.Contains("札幌市", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tokenize_writes_the_kuromoji_fixture_format()
    {
        (int code, string output, _) = await _cli.RunAsync(["tokenize", "--mode", "search"], Encoding.UTF8.GetBytes("関西国際空港\n\n"));

        Assert.Equal(0, code);
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("関西\t0\t2\t1\t1\t名詞-固有名詞-地域-一般\t*\tカンサイ\tカンサイ\t*\t*", lines[0]);
        Assert.StartsWith("関西国際空港\t0\t6\t0\t3\t", lines[1], StringComparison.Ordinal);
        Assert.Equal(["EOS", "EOS"], lines.Where(l => l == "EOS"));
    }

    [Fact]
    public async Task Eval_prints_the_table_and_rejects_broken_json()
    {
        string file = Path.Combine(Path.GetTempPath(), $"sa-eval-{Guid.NewGuid():N}.jsonl");
        try
        {
            await File.WriteAllTextAsync(file, "{\"id\":\"x1\",\"question\":\"芦別市の移住者数の目標は？\",\"kind\":\"target\",\"expect\":[\"40人\"],\"doc\":\"004_62fb755ce21c91b3.txt\",\"line\":118}\n");
            (int code, string output, _) = await _cli.RunAsync(["eval", file]);
            Assert.Equal(0, code);
            Assert.Contains("total         1      1      1", output, StringComparison.Ordinal);

            await File.WriteAllTextAsync(file, "{\"id\": \"x1\", \"question\": ");
            (code, _, string error) = await _cli.RunAsync(["eval", file]);
            Assert.Equal(2, code);
            Assert.Contains(":1:", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Chat_answers_follow_ups_and_shows_sources()
    {
        byte[] input = Encoding.UTF8.GetBytes("芦別市の移住者数の目標は？\nその基準値は？\n/sources\n/exit\n");
        (int code, string output, _) = await _cli.RunAsync(["chat"], input);

        Assert.Equal(0, code);
        Assert.Contains("40人", output, StringComparison.Ordinal);
        Assert.Contains("16人", output, StringComparison.Ordinal);
        Assert.Contains("移住者数 16人", output, StringComparison.Ordinal);
    }
}
