using System.Diagnostics;
using System.Text;

namespace StrategyAssistant.Cli.Tests;

/// <summary>Runs the real console host (strategy-assistant.dll) as a child process, from the repository root, with its index
/// and log in a temporary folder.</summary>
public sealed class CliProcess : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sa-cli-").FullName;

    public CliProcess()
    {
        RepositoryRoot = FindRoot();
    }

    public string RepositoryRoot { get; }

    public string IndexPath => Path.Combine(_folder, "lucene");

    public string LogPath => Path.Combine(_folder, "cli.log");

    public async Task<(int ExitCode, string Output, string Error)> RunAsync(IEnumerable<string> args, byte[]? input = null, (string Name, string Value)? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(CliAssembly());
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["StrategyAssistant__IndexPath"] = IndexPath;
        start.Environment["StrategyAssistant__LogPath"] = LogPath;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        if (environment is { } variable)
        {
            start.Environment[variable.Name] = variable.Value;
        }
        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            await process.StandardInput.BaseStream.WriteAsync(input);
        }

        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>The console host as its own project built it (same configuration and framework as this test assembly):
    /// the test's output folder leaves out the assemblies its ASP.NET Core framework reference provides, which the console
    /// host, a plain .NET app, needs beside it.</summary>
    private string CliAssembly()
    {
        string testProject = Path.Combine(RepositoryRoot, "tests", "StrategyAssistant.Cli.Tests");
        string output = Path.GetRelativePath(testProject, AppContext.BaseDirectory);
        return Path.Combine(RepositoryRoot, "src", "StrategyAssistant.Cli", output, "strategy-assistant.dll");
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

        throw new InvalidOperationException("Repository root not found.");
    }
}
