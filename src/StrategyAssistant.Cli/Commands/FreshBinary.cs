using System.Diagnostics;
using StrategyAssistant.Documents;

namespace StrategyAssistant.Cli.Commands;

/// <summary>The executable bench's fresh-process stage starts: what users run, the published ReadyToRun binary
/// (<c>dotnet publish -c Release -r linux-x64</c>), not the build output (PublishReadyToRun applies only on publish, so the
/// build output JIT-compiles everything and overstates start-up). Published by bench when missing or older than this build.</summary>
internal sealed record FreshBinary(string Path, bool ViaDotnet, string Label)
{
    public const string RuntimeIdentifier = "linux-x64";

    /// <summary><paramref name="given"/> when set; else this repository's publish output, published first when missing or
    /// stale; else (no project beside the documents, e.g. bench run from a copied binary) this process's own executable.</summary>
    public static async Task<FreshBinary> ResolveAsync(string? given, TextWriter output, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(given))
        {
            return new FreshBinary(System.IO.Path.GetFullPath(given), ViaDotnet: false, $"given binary {given}");
        }

        string? documents = Corpus.FindDocumentsDirectory(Directory.GetCurrentDirectory()) ?? Corpus.FindDocumentsDirectory(AppContext.BaseDirectory);
        string? repository = documents is null ? null : System.IO.Path.GetDirectoryName(System.IO.Path.GetDirectoryName(documents));
        string? project = repository is null ? null : System.IO.Path.Combine(repository, "src", "StrategyAssistant.Cli", "StrategyAssistant.Cli.csproj");
        if (project is null || !File.Exists(project))
        {
            string self = Environment.ProcessPath ?? "dotnet";
            bool viaDotnet = System.IO.Path.GetFileNameWithoutExtension(self) == "dotnet";
            return new FreshBinary(viaDotnet ? typeof(FreshBinary).Assembly.Location : self, viaDotnet, "this process's binary (no project to publish)");
        }

        string folder = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(project)!, "bin", "Release", "net10.0", RuntimeIdentifier, "publish");
        string binary = System.IO.Path.Combine(folder, "strategy-assistant");
        string library = System.IO.Path.Combine(folder, "strategy-assistant.dll");
        if (!File.Exists(library) || File.GetLastWriteTimeUtc(library) < File.GetLastWriteTimeUtc(typeof(FreshBinary).Assembly.Location))
        {
            await output.WriteLineAsync($"fresh process: publishing the ReadyToRun binary (dotnet publish -c Release -r {RuntimeIdentifier})…");
            var stopwatch = Stopwatch.StartNew();
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (string argument in new[] { "publish", project, "-c", "Release", "-r", RuntimeIdentifier, "-v", "q", "-nologo" })
            {
                start.ArgumentList.Add(argument);
            }

            using Process process = Process.Start(start)!;
            Task<string> log = process.StandardOutput.ReadToEndAsync(cancellationToken);
            Task<string> error = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"dotnet publish failed ({process.ExitCode}): {(await log).Trim()} {(await error).Trim()}");
            }

            await output.WriteLineAsync($"fresh process: published in {stopwatch.Elapsed.TotalSeconds:F0} s");
        }

        return new FreshBinary(binary, ViaDotnet: false, $"published ReadyToRun binary {System.IO.Path.GetRelativePath(repository!, binary)}");
    }
}
