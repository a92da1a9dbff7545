namespace StrategyAssistant.Bot.Packaging;

/// <summary><c>package --app-id &lt;guid&gt; --out app.zip [--domain host] [--version 1.0.0] [--name …] [--developer …]
/// [--website-url …] [--privacy-url …] [--terms-url …] [--teams-app-id guid]</c>: writes the Teams app package.</summary>
public static class PackageCommand
{
    public const string Usage =
        """
        Usage: dotnet run --project src/StrategyAssistant.Bot -- package --app-id <bot app id> --out <app.zip> [options]

        Writes the Teams app package (manifest.json v1.22, color.png 192x192, outline.png 32x32) for sideloading.

          --app-id <guid>        The Azure Bot's Microsoft App ID (required; default: Bot:MicrosoftAppId / Bot__MicrosoftAppId)
          --out <path>           Where to write the zip (required)
          --domain <host>        The bot host's domain, listed in validDomains (e.g. bot.example.jp)
          --version <x.y.z>      Package version (default 1.0.0; bump it on every upload)
          --name <text>          Short name (≤ 30 characters)
          --developer <text>     Developer name (≤ 32 characters)
          --website-url <url>    https URL (default https://<domain>/)
          --privacy-url <url>    https URL (default https://<domain>/privacy)
          --terms-url <url>      https URL (default https://<domain>/terms)
          --teams-app-id <guid>  A Teams app id different from the bot id
        """;

    /// <summary>Host names reserved for documentation and tests (RFC 2606 / 6761): a package that links to them works nowhere.</summary>
    private static readonly string[] s_placeholderSuffixes = [".invalid", ".example", ".test", ".localhost", "example.com", "example.org", "example.net", "example.jp", "localhost"];

    /// <summary>Warnings for URLs and the domain that point to a placeholder host (the package is still written).</summary>
    public static IReadOnlyList<string> PlaceholderWarnings(TeamsAppPackageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var warnings = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Domain))
        {
            warnings.Add("Warning: no --domain: validDomains is empty and the website, privacy and terms links point to a placeholder host. Pass --domain <the bot host>, whose /privacy and /terms pages the bot serves.");
        }
        else if (IsPlaceholder(options.Domain))
        {
            warnings.Add($"Warning: the domain '{options.Domain}' is a placeholder (reserved for examples); Teams users will reach nothing there.");
        }

        foreach ((string name, string url) in new[] { ("website", options.WebsiteUrl), ("privacy", options.PrivacyUrl), ("terms of use", options.TermsOfUseUrl) })
        {
            if (Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) && IsPlaceholder(uri.Host) && !string.IsNullOrWhiteSpace(options.Domain))
            {
                warnings.Add($"Warning: the {name} URL {url} points to a placeholder host.");
            }
        }

        return warnings;
    }

    private static bool IsPlaceholder(string host)
    {
        string h = host.Trim().TrimEnd('.').ToLowerInvariant();
        return s_placeholderSuffixes.Any(s => h == s.TrimStart('.') || h.EndsWith(s.StartsWith('.') ? s : "." + s, StringComparison.Ordinal));
    }

    /// <summary>Runs the command; returns the process exit code (0 written, 2 usage error).</summary>
    public static int Run(IReadOnlyList<string> args, IReadOnlyList<string> exampleQuestions, string? configuredAppId, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        string[] known = ["--app-id", "--out", "--domain", "--version", "--name", "--developer", "--website-url", "--privacy-url", "--terms-url", "--teams-app-id"];
        for (int i = 0; i < args.Count; i++)
        {
            if (args[i] is "-h" or "--help")
            {
                output.WriteLine(Usage);
                return 0;
            }

            if (!known.Contains(args[i]) || i + 1 >= args.Count)
            {
                error.WriteLine(known.Contains(args[i]) ? $"{args[i]} needs a value." : $"Unknown option '{args[i]}'.");
                error.WriteLine(Usage);
                return 2;
            }

            values[args[i]] = args[++i];
        }

        string? appId = values.GetValueOrDefault("--app-id") ?? configuredAppId;
        if (string.IsNullOrWhiteSpace(appId) || !values.TryGetValue("--out", out string? outPath))
        {
            error.WriteLine("--app-id and --out are required.");
            error.WriteLine(Usage);
            return 2;
        }

        string? domain = values.GetValueOrDefault("--domain");
        string site = domain is { Length: > 0 } ? $"https://{domain}" : "https://example.invalid";
        var defaults = new TeamsAppPackageOptions { BotAppId = appId };
        var options = new TeamsAppPackageOptions
        {
            BotAppId = appId.Trim(),
            TeamsAppId = values.GetValueOrDefault("--teams-app-id"),
            Domain = domain,
            Version = values.GetValueOrDefault("--version") ?? defaults.Version,
            ShortName = values.GetValueOrDefault("--name") ?? defaults.ShortName,
            DeveloperName = values.GetValueOrDefault("--developer") ?? defaults.DeveloperName,
            WebsiteUrl = values.GetValueOrDefault("--website-url") ?? site + "/",
            PrivacyUrl = values.GetValueOrDefault("--privacy-url") ?? site + "/privacy",
            TermsOfUseUrl = values.GetValueOrDefault("--terms-url") ?? site + "/terms",
            ExampleQuestions = exampleQuestions.Count > 0 ? exampleQuestions : BotOptions.DefaultExampleQuestions,
        };
        IReadOnlyList<string> problems = TeamsAppPackage.Validate(options);
        if (problems.Count > 0)
        {
            foreach (string problem in problems)
            {
                error.WriteLine(problem);
            }

            return 2;
        }

        foreach (string warning in PlaceholderWarnings(options))
        {
            error.WriteLine(warning);
        }

        TeamsAppPackage.WriteFile(outPath, options);
        output.WriteLine($"Wrote {Path.GetFullPath(outPath)} (manifest {TeamsAppPackage.ManifestVersion}, bot {options.BotAppId}, version {options.Version}). Upload it in Teams: Apps > Manage your apps > Upload an app.");
        return 0;
    }
}
