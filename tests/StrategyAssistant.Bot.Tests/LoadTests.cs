using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using StrategyAssistant.Bot.Tests.Infrastructure;
using Xunit.Abstractions;

namespace StrategyAssistant.Bot.Tests;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LoadCollection
{
    public const string Name = "Load";
}

/// <summary>50 concurrent questions through <c>/api/ask</c> and through <c>/api/messages</c> against the bot host running as its
/// own process (so its peak memory is its own), all on loopback. Bounded: 50 + 50 requests, 3-minute deadline.</summary>
[Collection(LoadCollection.Name)]
public sealed class LoadTests
{
    private const int Concurrency = 50;

    private static readonly string[] s_questions =
    [
        "芦別市の移住者数の目標は？", "砂川市の観光入込客数の目標値は？", "砂川市の就業者数の基準値は？", "旭川市の合計特殊出生率は？",
        "岩見沢市の総合戦略の取組みは？", "芦別市のU・Iターンによる就職者数は？", "砂川市の新規就農者数の目標は？", "旭川市のワーク・ライフ・バランスの指標は？",
        "芦別市の星の降る里あしべつ応援団の登録者数は？", "砂川市の介護人材育成支援事業の研修終了者数は？",
    ];

    private readonly ITestOutputHelper _output;

    public LoadTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public async Task Fifty_concurrent_questions_through_api_ask_and_api_messages_are_answered_without_errors()
    {
        await using FakeConnector connector = await FakeConnector.StartAsync();
        using BotProcess bot = await BotProcess.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(bot.BaseUrl + "/"), Timeout = TimeSpan.FromMinutes(3) };
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(3));

        // Warm-up: the first question opens (or builds) the index.
        var warm = Stopwatch.StartNew();
        using (HttpResponseMessage first = await AskAsync(client, s_questions[0], deadline.Token))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        warm.Stop();

        // 50 concurrent /api/ask.
        (HttpStatusCode Status, string Body, double Ms)[] asks = await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(async i =>
        {
            var sw = Stopwatch.StartNew();
            using HttpResponseMessage response = await AskAsync(client, s_questions[i % s_questions.Length], deadline.Token);
            string body = await response.Content.ReadAsStringAsync(deadline.Token);
            return (response.StatusCode, body, sw.Elapsed.TotalMilliseconds);
        }));
        Assert.All(asks, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.All(asks, a => Assert.NotNull(JsonNode.Parse(a.Body)!["answer"]));
        Assert.Contains("40人", asks[0].Body, StringComparison.Ordinal);

        // 50 concurrent /api/messages, each its own conversation: acknowledgement latency and time until the reply reaches the connector.
        string run = Guid.NewGuid().ToString("N")[..8];
        (HttpStatusCode Status, double AckMs, DateTime Sent, string Conversation)[] posts = await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(async i =>
        {
            string conversation = $"a:load-{run}-{i}";
            JsonObject activity = Activities.Message(connector.ServiceUrl, conversation, s_questions[i % s_questions.Length]);
            DateTime sent = DateTime.UtcNow;
            var sw = Stopwatch.StartNew();
            using HttpResponseMessage response = await Activities.PostAsync(client, activity, token: null);
            return (response.StatusCode, sw.Elapsed.TotalMilliseconds, sent, conversation);
        }));
        Assert.All(posts, p => Assert.Equal(HttpStatusCode.OK, p.Status));
        await Wait.UntilAsync(() => posts.All(p => connector.MessagesFor(p.Conversation).Count >= 1), "50 replies", TimeSpan.FromMinutes(2));
        Assert.All(posts, p => Assert.Single(connector.MessagesFor(p.Conversation)));
        Assert.DoesNotContain(connector.Received, r => r.Status != 200);
        Assert.All(posts, p => Assert.Contains("[1]", (string)connector.MessagesFor(p.Conversation)[0].Body["text"]!, StringComparison.Ordinal));
        double[] replyMs = [.. posts.Select(p => (connector.MessagesFor(p.Conversation)[0].At - p.Sent).TotalMilliseconds)];

        long peakKb = bot.PeakResidentKilobytes();
        var report = new JsonObject
        {
            ["concurrency"] = Concurrency,
            ["warmupMs"] = Math.Round(warm.Elapsed.TotalMilliseconds),
            ["askP50Ms"] = Percentile(asks.Select(a => a.Ms), 50),
            ["askP95Ms"] = Percentile(asks.Select(a => a.Ms), 95),
            ["messagesAckP50Ms"] = Percentile(posts.Select(p => p.AckMs), 50),
            ["messagesAckP95Ms"] = Percentile(posts.Select(p => p.AckMs), 95),
            ["messagesReplyP50Ms"] = Percentile(replyMs, 50),
            ["messagesReplyP95Ms"] = Percentile(replyMs, 95),
            ["peakResidentMB"] = Math.Round(peakKb / 1024.0, 1),
            ["processorCount"] = Environment.ProcessorCount,
        };
        string json = report.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
        _output.WriteLine(json);
        await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, "bot-load-report.json"), json, deadline.Token);

        Assert.True(peakKb > 0, "the bot process's peak memory (VmHWM) was read");
        Assert.True((double)report["messagesAckP95Ms"]! < 5_000, "acknowledgements are immediate, not after the answer");
        Assert.True((double)report["askP95Ms"]! < 60_000);
    }

    private static Task<HttpResponseMessage> AskAsync(HttpClient client, string question, CancellationToken cancellationToken) =>
        client.PostAsync(new Uri("api/ask", UriKind.Relative), new StringContent(new JsonObject { ["question"] = question }.ToJsonString(), Encoding.UTF8, "application/json"), cancellationToken);

    private static double Percentile(IEnumerable<double> values, int percentile)
    {
        double[] sorted = [.. values.Order()];
        int index = (int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1;
        return Math.Round(sorted[Math.Clamp(index, 0, sorted.Length - 1)], 1);
    }

    /// <summary>The built bot host (<c>dotnet StrategyAssistant.Bot.dll</c>) as a child process on 127.0.0.1, Development mode
    /// without an app id (no outbound token), its own index folder, stopped (by its own process id) on dispose.</summary>
    private sealed class BotProcess : IDisposable
    {
        private readonly Process _process;
        private readonly string _indexDir;
        private readonly StringBuilder _log = new();

        private BotProcess(Process process, string baseUrl, string indexDir)
        {
            _process = process;
            BaseUrl = baseUrl;
            _indexDir = indexDir;
        }

        public string BaseUrl { get; }

        public static async Task<BotProcess> StartAsync()
        {
            string root = FindRepositoryRoot();
            string configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
            string dll = Path.Combine(root, "src", "StrategyAssistant.Bot", "bin", configuration, "net10.0", "StrategyAssistant.Bot.dll");
            Assert.True(File.Exists(dll), $"{dll} is built with the tests");
            int port = FreePort();
            string indexDir = Directory.CreateTempSubdirectory("sa-load-index-").FullName;
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = root,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(dll);
            start.ArgumentList.Add("--urls");
            start.ArgumentList.Add($"http://127.0.0.1:{port}");
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
            start.Environment["Bot__MicrosoftAppId"] = string.Empty;
            start.Environment["StrategyAssistant__IndexPath"] = Path.Combine(indexDir, "lucene");
            start.Environment["Logging__LogLevel__Default"] = "Warning";
            start.Environment["Bot__AskRateLimit"] = "0";
            var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
            var bot = new BotProcess(process, $"http://127.0.0.1:{port}", indexDir);
            process.OutputDataReceived += (_, e) => bot.Append(e.Data);
            process.ErrorDataReceived += (_, e) => bot.Append(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
            DateTime until = DateTime.UtcNow.AddSeconds(60);
            while (true)
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"The bot process exited ({process.ExitCode}): {bot.Log}");
                }

                try
                {
                    using HttpResponseMessage health = await probe.GetAsync(new Uri(bot.BaseUrl + "/healthz"));
                    if (health.IsSuccessStatusCode)
                    {
                        return bot;
                    }
                }
                catch (HttpRequestException)
                {
                }
                catch (TaskCanceledException)
                {
                }

                if (DateTime.UtcNow > until)
                {
                    bot.Dispose();
                    throw new TimeoutException("The bot process did not start listening: " + bot.Log);
                }

                await Task.Delay(100);
            }
        }

        public string Log
        {
            get
            {
                lock (_log)
                {
                    return _log.ToString();
                }
            }
        }

        /// <summary>VmHWM: the process's peak resident set size.</summary>
        public long PeakResidentKilobytes()
        {
            string status = File.ReadAllText($"/proc/{_process.Id}/status");
            string line = status.Split('\n').First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return long.Parse(line["VmHWM:".Length..].Replace("kB", string.Empty, StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }

            _process.Dispose();
            try
            {
                Directory.Delete(_indexDir, recursive: true);
            }
            catch (IOException)
            {
            }
        }

        private void Append(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (_log)
            {
                _log.AppendLine(line);
            }
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        private static string FindRepositoryRoot()
        {
            for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "StrategyAssistant.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("The repository root was not found above " + AppContext.BaseDirectory);
        }
    }
}
