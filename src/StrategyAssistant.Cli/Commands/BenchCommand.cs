using System.CommandLine;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StrategyAssistant.Answering;
using StrategyAssistant.Documents;
using StrategyAssistant.Evaluation;
using StrategyAssistant.Ingestion;
using StrategyAssistant.Search;

namespace StrategyAssistant.Cli.Commands;

/// <summary><c>bench</c>: measures a full index rebuild and answer latency after warm-up on this machine, and prints the figures
/// (median and percentiles). Speed goals live here, not in unit tests.</summary>
internal static class BenchCommand
{
    public static Command Create(Option<bool> verbose)
    {
        var questions = new Option<FileInfo?>("--questions") { Description = "質問セット（既定: tests/data/qa-public.jsonl）" };
        var rounds = new Option<int>("--rounds") { Description = "質問セットを繰り返す回数", DefaultValueFactory = _ => 20 };
        var scale = new Option<int>("--scale") { Description = "資料を架空の市名で N 倍に増やして測ります（既定: 1 = 同梱の資料）", DefaultValueFactory = _ => 1 };
        var folder = new Option<DirectoryInfo?>("--folder") { Description = "N 倍の資料と索引を置くフォルダ（残します。既にあれば作り直さずに使います）" };
        var builds = new Option<int>("--builds") { Description = "全体の取り込み・索引を何回測るか（既定: 同梱 6、N 倍 3。2 回以上なら 1 回目は暖機）", DefaultValueFactory = _ => 0 };
        var stagesOption = new Option<string>("--stages") { Description = "測る段階（既定: full,open,fresh,answers,add）", DefaultValueFactory = _ => "full,open,fresh,answers,add" };
        var freshBinary = new Option<FileInfo?>("--fresh-binary") { Description = "fresh で起動する実行ファイル（既定: dotnet publish -c Release -r linux-x64 の出力。無いか古ければ発行します）" };
        var freshRuns = new Option<int>("--fresh-runs") { Description = "fresh の起動回数（中央値。既定 5）", DefaultValueFactory = _ => 5 };
        var command = new Command("bench", "索引の作成時間と回答の待ち時間を測ります。") { questions, rounds, scale, folder, builds, stagesOption, freshBinary, freshRuns };
        command.SetAction((parse, cancellationToken) =>
        {
            TextWriter output = parse.InvocationConfiguration.Output;
            int times = Math.Max(1, parse.GetValue(scale));
            string? scaled = null;
            if (times > 1)
            {
                // The generated corpus and its index live in a scratch folder, handed to the host through its configuration.
                var bundled = new StrategyAssistantOptions();
                string target = parse.GetValue(folder)?.FullName ?? (scaled = Path.Combine(Path.GetTempPath(), $"sa-bench-scale-{Guid.NewGuid():N}"));
                if (!File.Exists(Path.Combine(target, "documents", Corpus.ManifestFileName)))
                {
                    ScaledCorpus.Write(bundled.ResolveDocumentsPath(), times, Path.Combine(target, "documents"));
                }

                Environment.SetEnvironmentVariable("StrategyAssistant__DocumentsPath", Path.Combine(target, "documents"));
                Environment.SetEnvironmentVariable("StrategyAssistant__IndexPath", Path.Combine(target, "lucene"));
            }

            return CommandRunner.RunAsync(parse.GetValue(verbose), parse.InvocationConfiguration.Error, async (services, ct) =>
            {
                var options = services.GetRequiredService<IOptions<StrategyAssistantOptions>>().Value;
                string documents = options.ResolveDocumentsPath();
                string file = parse.GetValue(questions)?.FullName ?? Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(new StrategyAssistantOptions().ResolveDocumentsPath())!)!, "tests", "data", "qa-public.jsonl");
                IReadOnlyList<string> asked = [.. EvalRunner.Load(file).Select(c => c.Question)];
                await output.WriteLineAsync($"machine: {Environment.ProcessorCount} cores, load average {LoadAverage()}, .NET {Environment.Version}, {asked.Count} questions × {parse.GetValue(rounds)} rounds");
                if (times > 1)
                {
                    long bytes = Directory.GetFiles(documents, "*.txt").Sum(f => new FileInfo(f).Length);
                    await output.WriteLineAsync($"corpus: {times}× the bundled documents under fictional city names, {Directory.GetFiles(documents, "*.txt").Length} documents, {bytes / (1024.0 * 1024):F1} MB");
                }

                var run = parse.GetValue(stagesOption)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
                var stages = new BenchStages(services.GetRequiredService<CorpusIngestor>(), services.GetRequiredService<ITextAnalysis>(), output);
                if (run.Contains("full"))
                {
                    await stages.FullAsync(documents, parse.GetValue(builds) is > 0 and int n ? n : times > 1 ? 3 : 6, ct);
                }

                var opening = Stopwatch.StartNew();
                CorpusIndex index = await services.GetRequiredService<CorpusIndexProvider>().GetAsync(ct);
                string indexPath = options.ResolveIndexPath(documents);
                await output.WriteLineAsync($"service open (snapshot or ingest, index open or build): {opening.Elapsed.TotalMilliseconds:F0} ms");
                if (run.Contains("fresh"))
                {
                    FreshBinary binary = await FreshBinary.ResolveAsync(parse.GetValue(freshBinary)?.FullName, output, ct);
                    await stages.FreshProcessAsync(binary, documents, indexPath, asked[0], Math.Max(1, parse.GetValue(freshRuns)), ct);
                }

                if (!run.Contains("answers"))
                {
                    if (run.Contains("add"))
                    {
                        await stages.AddOneAsync(documents, options.ResolveIndexPath(documents), 3, ct);
                    }

                    return ExitCodes.Success;
                }

                IAnswerService answers = services.GetRequiredService<IAnswerService>();
                foreach (string q in asked)
                {
                    await answers.AnswerAsync(q, ct);
                }

                var retrieval = new List<double>();
                var answering = new List<double>();
                var answeringCpu = new List<double>();
                var perQuestion = asked.ToDictionary(q => q, _ => 0.0);
                var reader = new QuestionReader(index.Knowledge.Corpus.Cities);
                for (int round = 0; round < parse.GetValue(rounds); round++)
                {
                    foreach (string q in asked)
                    {
                        var stopwatch = Stopwatch.StartNew();
                        new EvidenceFinder(index).Find(reader.Read(QuestionText.Normalize(q)));
                        retrieval.Add(stopwatch.Elapsed.TotalMilliseconds);
                        stopwatch.Restart();
                        double cpuStart = ThreadCpuMilliseconds();
                        int thread = Environment.CurrentManagedThreadId;
                        await answers.AnswerAsync(q, ct);
                        answering.Add(stopwatch.Elapsed.TotalMilliseconds);
                        answeringCpu.Add(thread == Environment.CurrentManagedThreadId && cpuStart >= 0 ? ThreadCpuMilliseconds() - cpuStart : -1);
                        perQuestion[q] = Math.Max(perQuestion[q], answering[^1]);
                    }
                }

                await output.WriteLineAsync($"load average now {LoadAverage()}");
                await output.WriteLineAsync($"retrieval (records + passages), {retrieval.Count} queries: p50 {Percentile(retrieval, 50):F2} ms, p95 {Percentile(retrieval, 95):F2} ms, p99 {Percentile(retrieval, 99):F2} ms");
                await output.WriteLineAsync($"offline answer (end to end), {answering.Count} questions: p50 {Percentile(answering, 50):F2} ms, p95 {Percentile(answering, 95):F2} ms, p99 {Percentile(answering, 99):F2} ms");
                if (answeringCpu.All(c => c >= 0))
                {
                    await output.WriteLineAsync($"offline answer CPU of the answering thread (load-independent; GC threads not included): p50 {Percentile(answeringCpu, 50):F2} ms, p95 {Percentile(answeringCpu, 95):F2} ms, p99 {Percentile(answeringCpu, 99):F2} ms, mean {answeringCpu.Average():F2} ms");
                }

                foreach ((string q, double ms) in perQuestion.OrderByDescending(p => p.Value).Take(3))
                {
                    await output.WriteLineAsync($"  slowest: {ms:F1} ms  {q}");
                }

                await output.WriteLineAsync($"after the answers: managed heap {GC.GetTotalMemory(false) / (1024 * 1024)} MB (live {GC.GetTotalMemory(true) / (1024 * 1024)} MB), working set {Environment.WorkingSet / (1024 * 1024)} MB, peak of this process {System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MB (includes the builds)");
                if (run.Contains("add"))
                {
                    await stages.AddOneAsync(documents, options.ResolveIndexPath(documents), 3, ct);
                }

                return ExitCodes.Success;
            }, cancellationToken, progress: Progress.Enabled(json: false)).ContinueWith(
                t =>
                {
                    if (scaled is not null && Directory.Exists(scaled))
                    {
                        Directory.Delete(scaled, recursive: true);
                    }

                    return t.Result;
                },
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        });
        return command;
    }

    /// <summary>CPU time of the calling thread (CLOCK_THREAD_CPUTIME_ID), in ms; -1 off Linux. Offline answering runs
    /// synchronously on one thread, so this is an answer's CPU whatever else the machine runs.</summary>
    private static double ThreadCpuMilliseconds()
    {
        if (!OperatingSystem.IsLinux())
        {
            return -1;
        }

        var time = new long[2];
        return NativeMethods.clock_gettime(3, time) == 0 ? (time[0] * 1e3) + (time[1] / 1e6) : -1;
    }

    private static class NativeMethods
    {
        [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
        internal static extern int clock_gettime(int clock, [System.Runtime.InteropServices.Out] long[] time);
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static double Percentile(List<double> values, double percentile)
    {
        var sorted = values.Order().ToList();
        int rank = (int)Math.Ceiling(percentile / 100 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }
}
