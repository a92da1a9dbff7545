using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using StrategyAssistant.Documents;
using StrategyAssistant.Ingestion;
using StrategyAssistant.Search;

namespace StrategyAssistant.Cli.Commands;

/// <summary>The stages of <c>bench</c> on one corpus, each timed on its own with the code serving uses: ingestion on every
/// core, the index build, snapshot write and load, one added document (incremental), and a fresh process's first answer.</summary>
internal sealed class BenchStages
{
    private readonly CorpusIngestor _ingestor;
    private readonly IndexManager _manager;
    private readonly TextWriter _output;

    public BenchStages(CorpusIngestor ingestor, ITextAnalysis analysis, TextWriter output)
    {
        _ingestor = ingestor;
        _manager = new IndexManager(analysis, NullLogger<IndexManager>.Instance);
        _output = output;
    }

    /// <summary>Full ingest + index + snapshot <paramref name="runs"/> times into a scratch folder (the first run is warm-up
    /// when there are several), then snapshot load.</summary>
    public async Task FullAsync(string documents, int runs, CancellationToken cancellationToken)
    {
        string scratch = Path.Combine(Path.GetTempPath(), $"sa-bench-{Guid.NewGuid():N}");
        var ingest = new List<double>();
        var index = new List<double>();
        var snapshot = new List<double>();
        var total = new List<double>();
        var load = new List<double>();
        var loadAll = new List<double>();
        var cpu = new List<double>();
        try
        {
            string indexPath = Path.Combine(scratch, "lucene");
            for (int i = 0; i < runs; i++)
            {
                var stopwatch = Stopwatch.StartNew();
                TimeSpan cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
                IngestResult result = _ingestor.Ingest(_ingestor.ReadFiles(documents), reuse: null, null, cancellationToken);
                ingest.Add(stopwatch.Elapsed.TotalMilliseconds);
                var step = Stopwatch.StartNew();
                _manager.Build(indexPath, result.Knowledge, cancellationToken);
                index.Add(step.Elapsed.TotalMilliseconds);
                step.Restart();
                IngestCacheFile.Write(IngestCacheFile.PathFor(indexPath), IngestCache.From(result, _ingestor.ReadingVersion));
                SnapshotFile.Write(SnapshotFile.PathFor(indexPath), result, _ingestor.Vocabulary.Version);
                snapshot.Add(step.Elapsed.TotalMilliseconds);
                total.Add(stopwatch.Elapsed.TotalMilliseconds);
                cpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpuStart).TotalMilliseconds);
                step.Restart();
                KnowledgeBase loaded = SnapshotFile.TryRead(SnapshotFile.PathFor(indexPath), out _)!.ToKnowledge();
                load.Add(step.Elapsed.TotalMilliseconds);
                step.Restart();
                GC.KeepAlive(loaded.Records);
                GC.KeepAlive(loaded.Passages);
                loadAll.Add(step.Elapsed.TotalMilliseconds);
            }

            if (runs > 1)
            {
                foreach (List<double> list in new[] { ingest, index, snapshot, total, load, loadAll, cpu })
                {
                    list.RemoveAt(0);
                }
            }

            await _output.WriteLineAsync($"full ingest + index + snapshot ({total.Count} runs{(runs > 1 ? " after warm-up" : string.Empty)}): median {Median(total):F0} ms wall, {Median(cpu):F0} ms CPU " +
                $"(ingest {Median(ingest):F0} ms, index {Median(index):F0} ms, snapshot + ingest cache write {Median(snapshot):F0} ms); " +
                $"index {Size(indexPath) / (1024.0 * 1024):F1} MB, snapshot {new FileInfo(SnapshotFile.PathFor(indexPath)).Length / (1024.0 * 1024):F1} MB, " +
                $"ingest cache {new FileInfo(IngestCacheFile.PathFor(indexPath)).Length / (1024.0 * 1024):F1} MB");
            await _output.WriteLineAsync($"snapshot load (footer, every part checked, knowledge; parts read on first use): median {Median(load):F0} ms; then every part read: median {Median(loadAll):F0} ms");
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    /// <summary>One document added to a built corpus (a copy of its first document under a new city name), as <c>index add</c>
    /// does it: the snapshot source re-reads only that document, the index is updated in place. Repeated <paramref name="runs"/>
    /// times with a new document each time.</summary>
    public async Task AddOneAsync(string documents, string builtIndex, int runs, CancellationToken cancellationToken)
    {
        string scratch = Path.Combine(Path.GetTempPath(), $"sa-bench-add-{Guid.NewGuid():N}");
        try
        {
            string copy = Path.Combine(scratch, "documents");
            Directory.CreateDirectory(copy);
            foreach (string file in Directory.GetFiles(documents))
            {
                File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
            }

            string indexPath = Path.Combine(scratch, "lucene");
            // Start from the corpus's built index, snapshot and ingest cache when there are (the service built them).
            if (Directory.Exists(builtIndex))
            {
                Directory.CreateDirectory(indexPath);
                foreach (string file in Directory.GetFiles(builtIndex))
                {
                    File.Copy(file, Path.Combine(indexPath, Path.GetFileName(file)));
                }

                foreach (string file in new[] { SnapshotFile.PathFor(builtIndex), IngestCacheFile.PathFor(builtIndex) }.Where(File.Exists))
                {
                    File.Copy(file, file.Replace(Path.GetFullPath(builtIndex), Path.GetFullPath(indexPath), StringComparison.Ordinal));
                }
            }

            var source = new SnapshotKnowledgeSource(_ingestor, NullLogger<SnapshotKnowledgeSource>.Instance);
            _manager.Update(indexPath, source.Load(copy, indexPath, cancellationToken), cancellationToken);
            var adder = new DocumentAdder(_ingestor.Vocabulary);
            Manifest manifest = Manifest.Parse(File.ReadAllBytes(Path.Combine(copy, Corpus.ManifestFileName)), Corpus.ManifestFileName);
            DocumentInfo first = manifest.Documents[0];
            var times = new List<double>();
            var cpu = new List<double>();
            var loadCpu = new List<double>();
            int ingested = 0;
            int reindexed = 0;
            for (int i = 0; i < runs; i++)
            {
                string city = $"追加試験{i + 1}市";
                string added = Path.Combine(scratch, $"added-{i + 1}.txt");
                File.WriteAllText(added, File.ReadAllText(Path.Combine(copy, first.File)).Replace(first.City, city, StringComparison.Ordinal));
                var stopwatch = Stopwatch.StartNew();
                TimeSpan cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
                adder.Add(copy, added, city, first.Kind, first.Title.Replace(first.City, city, StringComparison.Ordinal));
                KnowledgeBase knowledge = source.Load(copy, indexPath, cancellationToken);
                loadCpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpuStart).TotalMilliseconds);
                IndexBuildResult result = _manager.Update(indexPath, knowledge, cancellationToken);
                times.Add(stopwatch.Elapsed.TotalMilliseconds);
                cpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpuStart).TotalMilliseconds);
                ingested = source.LastIngested;
                reindexed = result.Reindexed;
            }

            await _output.WriteLineAsync($"one added document (index add: manifest, re-ingest, snapshot, index update in place), {times.Count} runs: median {Median(times):F0} ms wall, {Median(cpu):F0} ms CPU " +
                $"(of which reading the snapshot and cache, ingesting, linking and writing them {Median(loadCpu):F0} ms), max {times.Max():F0} ms; " +
                $"documents read {ingested}, files re-indexed {reindexed}");
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    /// <summary>A fresh process of <paramref name="binary"/> answering one question (<c>ask</c>), the snapshot and index built:
    /// wall, CPU (user + system) and peak RSS, medians of <paramref name="runs"/> after one unmeasured run (page cache,
    /// dictionary image). The last run is repeated with the start trace on and its phases printed.</summary>
    public async Task FreshProcessAsync(FreshBinary binary, string documents, string indexPath, string question, int runs, CancellationToken cancellationToken)
    {
        var times = new List<double>();
        var cpu = new List<double>();
        var rss = new List<double>();
        for (int i = -1; i <= runs; i++)
        {
            bool traced = i == runs;
            double? cpuBefore = ChildrenCpuMilliseconds();
            var start = new ProcessStartInfo(binary.ViaDotnet ? "dotnet" : binary.Path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            if (binary.ViaDotnet)
            {
                start.ArgumentList.Add(binary.Path);
            }

            start.ArgumentList.Add("ask");
            start.ArgumentList.Add(question);
            start.Environment["StrategyAssistant__DocumentsPath"] = documents;
            start.Environment["StrategyAssistant__IndexPath"] = indexPath;
            if (traced)
            {
                start.Environment[StartTrace.Variable] = "1";
            }

            var stopwatch = Stopwatch.StartNew();
            using Process process = Process.Start(start)!;
            Task<string> output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            Task<string> error = process.StandardError.ReadToEndAsync(cancellationToken);
            // The peak RSS of this child alone: getrusage of the children reports only the largest of all of them.
            long peak = 0;
            while (!process.WaitForExit(5))
            {
                peak = Math.Max(peak, PeakRss(process.Id));
            }

            double wall = stopwatch.Elapsed.TotalMilliseconds;
            await process.WaitForExitAsync(cancellationToken);
            await Task.WhenAll(output, error);
            if (process.ExitCode != 0)
            {
                await _output.WriteLineAsync($"fresh process: ask exited with {process.ExitCode}: {error.Result.Trim()}");
                return;
            }

            if (traced)
            {
                await _output.WriteLineAsync($"fresh process start trace ({StartTrace.Variable}=1, one run):");
                foreach (string line in error.Result.Split('\n').Where(l => l.StartsWith("start:", StringComparison.Ordinal)))
                {
                    await _output.WriteLineAsync($"  {line.Trim()}");
                }
            }
            else if (i >= 0)
            {
                times.Add(wall);
                rss.Add(peak / 1024.0);
                if (cpuBefore is double before && ChildrenCpuMilliseconds() is double after)
                {
                    cpu.Add(after - before);
                }
            }
        }

        // CPU (user + system) is what a loaded machine disturbs least; wall includes waiting for a core.
        string cpuTime = cpu.Count == times.Count ? $", CPU median {Median(cpu):F0} ms, min {cpu.Min():F0} ms" : string.Empty;
        string peakRss = rss.Max() > 0 ? $", peak RSS median {Median(rss):F0} MB (sampled every 5 ms)" : string.Empty;
        await _output.WriteLineAsync($"fresh process, first answer (ask, snapshot and index built; {binary.Label}), {runs} runs after one warm-up: " +
            $"wall median {Median(times):F0} ms, min {times.Min():F0} ms{cpuTime}{peakRss}");
    }

    /// <summary>VmHWM (peak resident set) of a running process, in KB; 0 when it has exited or off Linux.</summary>
    private static long PeakRss(int processId)
    {
        try
        {
            foreach (string line in File.ReadLines($"/proc/{processId}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), System.Globalization.CultureInfo.InvariantCulture);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
        }

        return 0;
    }

    /// <summary>User + system CPU of the child processes waited for so far (getrusage), in milliseconds; null off Linux.</summary>
    private static double? ChildrenCpuMilliseconds()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        var usage = new long[18];
        return NativeMethods.getrusage(-1, usage) == 0 ? (usage[0] + usage[2]) * 1000.0 + (usage[1] + usage[3]) / 1000.0 : null;
    }

    private static class NativeMethods
    {
        // struct rusage on 64-bit Linux: two timevals (4 longs), then ru_maxrss.
        [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
        internal static extern int getrusage(int who, [System.Runtime.InteropServices.Out] long[] usage);
    }

    private static long Size(string path) =>
        Directory.Exists(path) ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length) : 0;

    internal static double Median(List<double> values) => Percentile(values, 50);

    internal static double Percentile(List<double> values, double percentile)
    {
        var sorted = values.Order().ToList();
        int rank = (int)Math.Ceiling(percentile / 100 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }
}
