using System.Diagnostics;
using System.Text;

namespace StrategyAssistant.Cli.Tests;

/// <summary>Usage errors, chat commands, Japanese CSV headers, closed standard input, a closed output pipe and signals.</summary>
public sealed class HostBehaviourTests : IClassFixture<CliProcess>
{
    private readonly CliProcess _cli;

    public HostBehaviourTests(CliProcess cli) => _cli = cli;

    [Theory]
    [InlineData("ask", "--jsno", "移住者数")]
    [InlineData("ask", "-x", "移住者数")]
    [InlineData("records", "export", "--formt")]
    public async Task A_mistyped_option_is_a_usage_error_with_exit_2_never_a_question(params string[] args)
    {
        (int code, string output, string error) = await _cli.RunAsync(args);
        Assert.Equal(2, code);
        Assert.Contains("使い方", error, StringComparison.Ordinal);
        Assert.Empty(output);
    }

    [Fact]
    public async Task Chat_understands_help_clear_and_never_answers_an_unknown_slash_word()
    {
        byte[] input = Encoding.UTF8.GetBytes("/help\n芦別市の移住者数の目標は？\n/clear\n基準値は？\n/foo\n／exit\n");
        (int code, string output, _) = await _cli.RunAsync(["chat"], input);
        Assert.Equal(0, code);
        Assert.Contains("/sources", output, StringComparison.Ordinal);
        Assert.Contains("40人", output, StringComparison.Ordinal);
        Assert.Contains("/foo というコマンドはありません", output, StringComparison.Ordinal);

        // After /clear the follow-up has no subject: the migrants' baseline (16人) is not given.
        string afterClear = output[output.IndexOf("話題をリセットしました", StringComparison.Ordinal)..];
        Assert.DoesNotContain("16人", afterClear[..afterClear.IndexOf("/foo", StringComparison.Ordinal)], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_export_has_japanese_headers_and_years_as_written_and_en_keeps_the_old_names()
    {
        string folder = Path.Combine(Path.GetTempPath(), $"sa-export-{Guid.NewGuid():N}");
        try
        {
            (int code, _, _) = await _cli.RunAsync(["records", "export", "--format", "csv", "--out", folder, "--city", "芦別市"]);
            Assert.Equal(0, code);
            string[] kpis = await File.ReadAllLinesAsync(Path.Combine(folder, "kpis.csv"), Encoding.UTF8);
            foreach (string column in new[] { "指標", "基準値", "基準年度（原文）", "基準年度", "目標値", "目標年度", "実績値" })
            {
                Assert.Contains(column, kpis[0].Split(','));
            }

            Assert.Contains(kpis, l => l.Contains("移住者数", StringComparison.Ordinal) && l.Contains(",H30,", StringComparison.Ordinal) && l.Contains("FY2018", StringComparison.Ordinal));
            Assert.StartsWith("ID,市,資料", (await File.ReadAllLinesAsync(Path.Combine(folder, "projects.csv"), Encoding.UTF8))[0], StringComparison.Ordinal);

            (int en, _, _) = await _cli.RunAsync(["records", "export", "--format", "csv", "--out", folder, "--headers", "en"]);
            Assert.Equal(0, en);
            Assert.StartsWith("id,city,file", (await File.ReadAllLinesAsync(Path.Combine(folder, "kpis.csv"), Encoding.UTF8))[0], StringComparison.Ordinal);
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
    public async Task Ask_json_with_standard_input_closed_ends_at_once_with_a_message()
    {
        (int code, string output, string error) = await RunShellAsync($"dotnet {Dll} ask --json <&-");
        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains("標準入力が閉じています", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_closed_output_pipe_stops_the_run()
    {
        var watch = Stopwatch.StartNew();
        (int code, string output, _) = await RunShellAsync($"yes 芦別市の移住者数の目標は？ | head -2000 | dotnet {Dll} ask --json | head -1; exit ${{PIPESTATUS[2]}}");
        Assert.Equal(141, code);
        Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(90), $"stopped after {watch.Elapsed}");
    }

    [Theory]
    [InlineData("INT", 130, "中断しました")]
    [InlineData("TERM", 143, "SIGTERM")]
    public async Task A_signal_ends_with_one_line_and_its_exit_code(string signal, int expected, string message)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Dll);
        start.ArgumentList.Add("chat");
        start.Environment["StrategyAssistant__IndexPath"] = _cli.IndexPath;
        start.Environment["StrategyAssistant__LogPath"] = _cli.LogPath;
        start.WorkingDirectory = _cli.RepositoryRoot;
        using Process process = Process.Start(start)!;
        Task<string> error = process.StandardError.ReadToEndAsync();
        Task<string> output = process.StandardOutput.ReadToEndAsync();

        // Wait for the prompt (the index is loaded), then signal while chat waits for input.
        for (int i = 0; i < 600 && !File.Exists(_cli.LogPath); i++)
        {
            await Task.Delay(100);
        }

        await Task.Delay(3000);
        using (Process kill = Process.Start("kill", [$"-{signal}", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        Assert.Equal(expected, process.ExitCode);
        string stderr = await error;
        Assert.Contains(message, stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        await output;
    }

    [Fact]
    public async Task Building_the_index_shows_progress_on_a_terminal_and_nothing_when_redirected_or_json()
    {
        Assert.True(File.Exists("/usr/bin/script"), "util-linux script provides the terminal for this test");
        string fresh = Path.Combine(Path.GetTempPath(), $"sa-progress-{Guid.NewGuid():N}");
        try
        {
            // script(1) gives the command a terminal; a fresh index folder makes it build.
            (int code, string terminal, _) = await RunShellAsync($"StrategyAssistant__IndexPath={fresh}/a script -qec 'dotnet {Dll} ask 芦別市の移住者数の目標は？' /dev/null");
            Assert.Equal(0, code);
            Assert.Contains("検索インデックスを準備しています", terminal, StringComparison.Ordinal);

            (int redirected, _, string error) = await RunShellAsync($"StrategyAssistant__IndexPath={fresh}/b dotnet {Dll} ask 芦別市の移住者数の目標は？");
            Assert.Equal(0, redirected);
            Assert.Empty(error);
            (int json, string jsonTerminal, _) = await RunShellAsync($"StrategyAssistant__IndexPath={fresh}/c script -qec 'dotnet {Dll} ask --json 芦別市の移住者数の目標は？' /dev/null");
            Assert.Equal(0, json);
            Assert.DoesNotContain("検索インデックス", jsonTerminal, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(fresh))
            {
                Directory.Delete(fresh, recursive: true);
            }
        }
    }

    private string Dll => _cli.CliAssembly();

    private async Task<(int Code, string Output, string Error)> RunShellAsync(string script)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = _cli.RepositoryRoot };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        if (!script.Contains("StrategyAssistant__IndexPath=", StringComparison.Ordinal))
        {
            start.Environment["StrategyAssistant__IndexPath"] = _cli.IndexPath;
        }

        start.Environment["StrategyAssistant__LogPath"] = _cli.LogPath;
        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
