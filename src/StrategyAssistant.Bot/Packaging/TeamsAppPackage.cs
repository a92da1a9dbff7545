using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace StrategyAssistant.Bot.Packaging;

/// <summary>What goes into the Teams app manifest.</summary>
public sealed record TeamsAppPackageOptions
{
    /// <summary>The Azure Bot's Microsoft App ID (a GUID); also the Teams app id unless <see cref="TeamsAppId"/> is set.</summary>
    public required string BotAppId { get; init; }

    public string? TeamsAppId { get; init; }

    /// <summary>Semantic version of the package; bump it on every change.</summary>
    public string Version { get; init; } = "1.0.0";

    /// <summary>The bot host's domain (e.g. <c>bot.example.jp</c>), listed in validDomains.</summary>
    public string? Domain { get; init; }

    public string ShortName { get; init; } = "StrategyAssistant";

    public string FullName { get; init; } = "StrategyAssistant 総合戦略 Q&A";

    public string ShortDescription { get; init; } = "総合戦略・KPI 資料の数値を出典付きで答えます。";

    public string FullDescription { get; init; } =
        "市町村のまち・ひと・しごと創生総合戦略、KPI 進捗報告、施策評価の資料について質問すると、数値（基準値・目標値・実績値と年度）を資料の行を引用してお答えします。回答は自動で作成されるため、数値は出典でご確認ください。";

    public string DeveloperName { get; init; } = "StrategyAssistant";

    public string WebsiteUrl { get; init; } = "https://example.invalid/";

    public string PrivacyUrl { get; init; } = "https://example.invalid/privacy";

    public string TermsOfUseUrl { get; init; } = "https://example.invalid/terms";

    public string AccentColor { get; init; } = "#2B5797";

    public IReadOnlyList<string> ExampleQuestions { get; init; } = BotOptions.DefaultExampleQuestions;
}

/// <summary>Writes the Teams app package: manifest.json (v1.22) and the colour (192×192) and outline (32×32, transparent)
/// icons at the root of a zip, ready to upload as a custom app.</summary>
public static class TeamsAppPackage
{
    public const string ManifestVersion = "1.22";
    public const string SchemaUrl = "https://developer.microsoft.com/json-schemas/teams/v1.22/MicrosoftTeams.schema.json";
    public const string ColorIcon = "color.png";
    public const string OutlineIcon = "outline.png";

    /// <summary>Checks the options against the manifest's limits; returns the problems (empty when valid).</summary>
    public static IReadOnlyList<string> Validate(TeamsAppPackageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (!Guid.TryParse(options.BotAppId, out _))
        {
            problems.Add($"The bot app id '{options.BotAppId}' is not a GUID.");
        }

        if (options.TeamsAppId is not null && !Guid.TryParse(options.TeamsAppId, out _))
        {
            problems.Add($"The Teams app id '{options.TeamsAppId}' is not a GUID.");
        }

        if (!System.Text.RegularExpressions.Regex.IsMatch(options.Version, @"^\d+\.\d+\.\d+$"))
        {
            problems.Add($"The version '{options.Version}' must be MAJOR.MINOR.PATCH.");
        }

        Check(problems, "short name", options.ShortName, 30);
        Check(problems, "full name", options.FullName, 100);
        Check(problems, "short description", options.ShortDescription, 80);
        Check(problems, "full description", options.FullDescription, 4000);
        Check(problems, "developer name", options.DeveloperName, 32);
        foreach ((string name, string url) in new[] { ("website", options.WebsiteUrl), ("privacy", options.PrivacyUrl), ("terms of use", options.TermsOfUseUrl) })
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) || uri.Scheme != Uri.UriSchemeHttps)
            {
                problems.Add($"The {name} URL '{url}' must be an absolute https URL.");
            }
        }

        if (options.Domain is { Length: > 0 } domain && (domain.Contains('/', StringComparison.Ordinal) || domain.Contains('*', StringComparison.Ordinal)))
        {
            problems.Add($"The domain '{domain}' must be a host name (no scheme, path or wildcard).");
        }

        if (!System.Text.RegularExpressions.Regex.IsMatch(options.AccentColor, "^#[0-9A-Fa-f]{6}$"))
        {
            problems.Add($"The accent colour '{options.AccentColor}' must be #RRGGBB.");
        }

        return problems;
    }

    public static JsonObject Manifest(TeamsAppPackageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var commands = new JsonArray();
        foreach (string question in options.ExampleQuestions.Take(10))
        {
            commands.Add(new JsonObject { ["title"] = Truncate(question, 32), ["description"] = Truncate(question, 128) });
        }

        string[] scopes = ["personal", "team", "groupChat"];
        var manifest = new JsonObject
        {
            ["$schema"] = SchemaUrl,
            ["manifestVersion"] = ManifestVersion,
            ["version"] = options.Version,
            ["id"] = (options.TeamsAppId ?? options.BotAppId).ToLowerInvariant(),
            ["developer"] = new JsonObject
            {
                ["name"] = options.DeveloperName,
                ["websiteUrl"] = options.WebsiteUrl,
                ["privacyUrl"] = options.PrivacyUrl,
                ["termsOfUseUrl"] = options.TermsOfUseUrl,
            },
            ["name"] = new JsonObject { ["short"] = options.ShortName, ["full"] = options.FullName },
            ["description"] = new JsonObject { ["short"] = options.ShortDescription, ["full"] = options.FullDescription },
            ["icons"] = new JsonObject { ["color"] = ColorIcon, ["outline"] = OutlineIcon },
            ["accentColor"] = options.AccentColor,
            ["bots"] = new JsonArray
            {
                new JsonObject
                {
                    ["botId"] = options.BotAppId.ToLowerInvariant(),
                    ["scopes"] = new JsonArray([.. scopes.Select(s => (JsonNode)s)]),
                    ["supportsFiles"] = false,
                    ["isNotificationOnly"] = false,
                    ["commandLists"] = new JsonArray
                    {
                        new JsonObject { ["scopes"] = new JsonArray([.. scopes.Select(s => (JsonNode)s)]), ["commands"] = commands },
                    },
                },
            },
            ["validDomains"] = options.Domain is { Length: > 0 } d ? new JsonArray(d) : new JsonArray(),
        };
        return manifest;
    }

    /// <summary>Writes the zip to <paramref name="output"/>. Throws <see cref="ArgumentException"/> listing every problem when the options are invalid.</summary>
    public static void Write(Stream output, TeamsAppPackageOptions options)
    {
        IReadOnlyList<string> problems = Validate(options);
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, problems), nameof(options));
        }

        uint accent = ParseColor(options.AccentColor);
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        AddEntry(zip, "manifest.json", Encoding.UTF8.GetBytes(Manifest(options).ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })));
        AddEntry(zip, ColorIcon, DrawColorIcon(accent).Encode());
        AddEntry(zip, OutlineIcon, DrawOutlineIcon().Encode());
    }

    public static void WriteFile(string path, TeamsAppPackageOptions options)
    {
        string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        using var memory = new MemoryStream();
        Write(memory, options);
        File.WriteAllBytes(path, memory.ToArray());
    }

    /// <summary>192×192, full colour: a bar chart with a rising target line in white on the accent colour.</summary>
    public static PngImage DrawColorIcon(uint accentRgba)
    {
        var image = new PngImage(192, 192);
        image.Fill(0, 0, 192, 192, accentRgba);
        DrawBars(image, scale: 6, rgba: 0xFFFFFFFF);
        return image;
    }

    /// <summary>32×32, white on transparent: the same bars.</summary>
    public static PngImage DrawOutlineIcon()
    {
        var image = new PngImage(32, 32);
        DrawBars(image, scale: 1, rgba: 0xFFFFFFFF);
        return image;
    }

    private static void DrawBars(PngImage image, int scale, uint rgba)
    {
        // Designed on a 32×32 grid: three bars rising left to right and a base line.
        (int X, int Top)[] bars = [(6, 18), (13, 12), (20, 6)];
        foreach ((int x, int top) in bars)
        {
            image.Fill(x * scale, top * scale, (x + 6) * scale, 26 * scale, rgba);
        }

        image.Fill(4 * scale, 27 * scale, 28 * scale, 29 * scale, rgba);
    }

    private static void AddEntry(ZipArchive zip, string name, byte[] bytes)
    {
        ZipArchiveEntry entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using Stream stream = entry.Open();
        stream.Write(bytes);
    }

    private static uint ParseColor(string hex) => (Convert.ToUInt32(hex[1..], 16) << 8) | 0xFF;

    private static void Check(List<string> problems, string what, string value, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add($"The {what} is empty.");
        }
        else if (value.Length > max)
        {
            problems.Add($"The {what} is longer than {max} characters.");
        }
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
