using System.Diagnostics;
using System.IO.Compression;
using Lucene.Net.Analysis.TokenAttributes;

namespace StrategyAssistant.Japanese.Tests;

/// <summary><c>dotnet pack</c> of the analyzer gives a package that a separate Lucene.Net application restores from a local
/// folder feed and tokenizes with (dictionary embedded, licence files and README inside).</summary>
public sealed class PackageTests : IDisposable
{
    private const string Sentence = "移住者数の目標を令和7年度までに達成します。";
    private readonly string _folder = Directory.CreateTempSubdirectory("sa-pack-").FullName;

    [Fact]
    public async Task The_packed_nupkg_is_usable_by_a_separate_lucene_net_project()
    {
        string root = RepositoryRoot();
        string feed = Path.Combine(_folder, "feed");
        await RunAsync(root, "pack", Path.Combine(root, "src", "StrategyAssistant.Japanese", "StrategyAssistant.Japanese.csproj"), "-c", "Debug", "-o", feed, "-nodeReuse:false");
        string package = Assert.Single(Directory.GetFiles(feed, "StrategyAssistant.Japanese.*.nupkg"));
        string version = Path.GetFileNameWithoutExtension(package)["StrategyAssistant.Japanese.".Length..];
        using (ZipArchive zip = ZipFile.OpenRead(package))
        {
            string[] entries = [.. zip.Entries.Select(e => e.FullName)];
            Assert.Contains("lib/net10.0/StrategyAssistant.Japanese.dll", entries);
            Assert.Contains("licenses/IPADIC/COPYING", entries);
            Assert.Contains("NOTICE.txt", entries);
            Assert.Contains("README.md", entries);
            string nuspec = new StreamReader(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open()).ReadToEnd();
            Assert.Contains("<license type=\"expression\">Apache-2.0</license>", nuspec, StringComparison.Ordinal);
            Assert.Contains("Lucene.Net", nuspec, StringComparison.Ordinal);
            Assert.DoesNotContain("<id>Lucene", nuspec, StringComparison.Ordinal);
        }

        // A consumer outside the repository: its own packages folder (so the fresh package, not a cached one, is used); the
        // machine's global packages folder and configured registry supply Lucene.Net.
        string app = Path.Combine(_folder, "app");
        Directory.CreateDirectory(app);
        string globalPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        await File.WriteAllTextAsync(Path.Combine(app, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="local-feed" value="{feed}" />
                <add key="machine-cache" value="{globalPackages}" />
              </packageSources>
            </configuration>
            """);
        await File.WriteAllTextAsync(Path.Combine(app, "app.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <RestorePackagesPath>{Path.Combine(_folder, "packages")}</RestorePackagesPath>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="StrategyAssistant.Japanese" Version="{version}" />
              </ItemGroup>
            </Project>
            """);
        await File.WriteAllTextAsync(Path.Combine(app, "Program.cs"), """
            using Lucene.Net.Analysis.TokenAttributes;
            using StrategyAssistant.Japanese;
            using var tokenizer = new JapaneseTokenizer(new StringReader(args[0]), null, true, JapaneseTokenizerMode.SEARCH);
            var term = tokenizer.GetAttribute<ICharTermAttribute>();
            var words = new List<string>();
            tokenizer.Reset();
            while (tokenizer.IncrementToken())
            {
                words.Add(term.ToString());
            }
            tokenizer.End();
            Console.WriteLine(string.Join("|", words));
            """);

        string output = await RunAsync(app, "run", "--project", Path.Combine(app, "app.csproj"), "--", Sentence);
        Assert.Equal(Expected(), output.Trim().Split('\n')[^1].Trim());
    }

    private static string Expected()
    {
        using var tokenizer = new JapaneseTokenizer(new StringReader(Sentence), null, true, JapaneseTokenizerMode.SEARCH);
        var term = tokenizer.GetAttribute<ICharTermAttribute>();
        var words = new List<string>();
        tokenizer.Reset();
        while (tokenizer.IncrementToken())
        {
            words.Add(term.ToString());
        }

        tokenizer.End();
        Assert.Contains("令和", words);
        return string.Join("|", words);
    }

    private static string RepositoryRoot()
    {
        for (DirectoryInfo? d = new(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "StrategyAssistant.sln")))
            {
                return d.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (StrategyAssistant.sln) was not found above the test folder.");
    }

    private static async Task<string> RunAsync(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        string output = await stdout;
        Assert.True(process.ExitCode == 0, $"dotnet {string.Join(' ', arguments)} exited {process.ExitCode}:\n{output}\n{await stderr}");
        return output;
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
}
