using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using StrategyAssistant.Tests.Answering;

namespace StrategyAssistant.ModelGrounding.Tests;

/// <summary>Issue 12's model cases through the real console host (a child process) against a scripted OpenAI-compatible server
/// on 127.0.0.1: <c>ask</c>, <c>ask --json</c> (JSON Lines) and <c>chat</c> (streamed) never print the bad claim.</summary>
public sealed class ModelGroundingCliTests : IClassFixture<ModelGroundingCliTests.Host>
{
    private const string FallbackNotice = "言語モデルの回答を利用できなかったため、資料から直接組み立てた回答を表示しています。";
    private readonly Host _host;

    public ModelGroundingCliTests(Host host) => _host = host;

    public static TheoryData<string> Cases => [.. GroundingAttacks.All.Select(a => a.Name)];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Ask_never_prints_the_bad_claim(string name)
    {
        GroundingAttack attack = GroundingAttacks.Named(name);
        attack.Script(_host.Server);
        var clock = Stopwatch.StartNew();

        (int exit, string output, string error) = await _host.RunAsync(["ask", GroundingAttacks.Question], null);

        Assert.True(exit == 0, error);
        Assert.DoesNotContain(attack.Forbidden, output, StringComparison.Ordinal);
        Assert.Contains("40人", output, StringComparison.Ordinal);
        Assert.Equal(!attack.Accepted, output.Contains(FallbackNotice, StringComparison.Ordinal));
        // A process start and the offline answer besides the model's deadline, on a loaded machine: a generous bound that
        // still fails for a hang (the stalled body holds the connection until the client gives up).
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(GroundingAttacks.DeadlineSeconds + 40), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Ask_json_lines_never_carry_a_bad_claim()
    {
        foreach (GroundingAttack attack in GroundingAttacks.All)
        {
            attack.Script(_host.Server);
        }

        string input = string.Concat(GroundingAttacks.All.Select(_ => GroundingAttacks.Question + "\n"));
        (int exit, string output, string error) = await _host.RunAsync(["ask", "--json"], Encoding.UTF8.GetBytes(input));

        Assert.True(exit == 0, error);
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(GroundingAttacks.All.Count, lines.Length);
        for (int i = 0; i < lines.Length; i++)
        {
            GroundingAttack attack = GroundingAttacks.All[i];
            JsonNode json = JsonNode.Parse(lines[i])!;
            string shown = (string)json["answer"]! + "\n" + string.Join("\n", json["notes"]!.AsArray().Select(n => (string)n!));
            Assert.DoesNotContain(attack.Forbidden, shown, StringComparison.Ordinal);
            Assert.Equal(attack.Accepted ? "model" : "offline", (string)json["mode"]!);
            Assert.Equal(!attack.Accepted, shown.Contains(FallbackNotice, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Chat_streams_no_bad_claim()
    {
        foreach (GroundingAttack attack in GroundingAttacks.All)
        {
            attack.Script(_host.Server);
        }

        int before = _host.Server.Requests.Count;
        string input = string.Concat(GroundingAttacks.All.Select(_ => GroundingAttacks.Question + "\n")) + "/exit\n";
        (int exit, string output, string error) = await _host.RunAsync(["chat"], Encoding.UTF8.GetBytes(input));

        Assert.True(exit == 0, error);
        foreach (GroundingAttack attack in GroundingAttacks.All)
        {
            Assert.DoesNotContain(attack.Forbidden, output, StringComparison.Ordinal);
        }

        int notices = output.Split(FallbackNotice).Length - 1;
        Assert.Equal(GroundingAttacks.All.Count(a => !a.Accepted), notices);
        Assert.True(_host.Server.Requests.Skip(before).All(r => r["stream"]?.GetValue<bool>() == true));
    }

    /// <summary>The scripted server and one index folder for every run of the class.</summary>
    public sealed class Host : IAsyncLifetime
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("sa-cli-model-").FullName;

        public ScriptedChatServer Server { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Server = await ScriptedChatServer.StartAsync();

            // The index is built once, before any case is timed.
            (int exit, _, string error) = await RunAsync(["index"], null);
            Assert.True(exit == 0, error);
        }

        public async Task DisposeAsync()
        {
            await Server.DisposeAsync();
            Directory.Delete(_folder, recursive: true);
        }

        public async Task<(int ExitCode, string Output, string Error)> RunAsync(IEnumerable<string> args, byte[]? input)
        {
            string root = FindRoot();
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = root,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                StandardOutputEncoding = Encoding.UTF8,
                StandardErrorEncoding = Encoding.UTF8,
            };
            start.ArgumentList.Add(CliAssembly(root));
            foreach (string arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            start.Environment["StrategyAssistant__IndexPath"] = Path.Combine(_folder, "lucene");
            start.Environment["StrategyAssistant__LogPath"] = Path.Combine(_folder, "cli.log");
            foreach ((string key, string? value) in GroundingAttacks.Settings(Server, root))
            {
                start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
            }

            using Process process = Process.Start(start)!;
            Task<string> output = process.StandardOutput.ReadToEndAsync();
            Task<string> error = process.StandardError.ReadToEndAsync();
            if (input is not null)
            {
                await process.StandardInput.BaseStream.WriteAsync(input);
            }

            process.StandardInput.Close();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            await process.WaitForExitAsync(timeout.Token);
            return (process.ExitCode, await output, await error);
        }

        /// <summary>The console host from its own build output (built first: a project reference without its assembly).</summary>
        private static string CliAssembly(string root)
        {
            string configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
            string own = Path.Combine(root, "src", "StrategyAssistant.Cli", "bin", configuration, "net10.0", "strategy-assistant.dll");
            return File.Exists(own) ? own : throw new FileNotFoundException("The console host was not built.", own);
        }

        private static string FindRoot()
        {
            for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "StrategyAssistant.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new DirectoryNotFoundException("StrategyAssistant.sln not found above the test binaries.");
        }
    }
}
