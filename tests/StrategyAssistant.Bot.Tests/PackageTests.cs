using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using StrategyAssistant.Bot.Packaging;

namespace StrategyAssistant.Bot.Tests;

/// <summary>The Teams app package: manifest v1.22 with the bot, scopes and commands, and two valid PNG icons, zipped at the root.</summary>
public sealed class PackageTests
{
    private const string AppId = "6F1D3C1E-2B7A-4C1E-9F3A-1D2C3B4A5E6F";

    [Fact]
    public void The_package_holds_a_v1_22_manifest_and_two_icons_at_the_root()
    {
        using var zipBytes = new MemoryStream();
        TeamsAppPackage.Write(zipBytes, new TeamsAppPackageOptions { BotAppId = AppId, Domain = "bot.example.jp", Version = "1.2.3" });
        zipBytes.Position = 0;
        using var zip = new ZipArchive(zipBytes, ZipArchiveMode.Read);
        Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));

        JsonObject manifest = (JsonObject)JsonNode.Parse(Read(zip, "manifest.json"))!;
        Assert.Equal("1.22", (string?)manifest["manifestVersion"]);
        Assert.Equal("https://developer.microsoft.com/json-schemas/teams/v1.22/MicrosoftTeams.schema.json", (string?)manifest["$schema"]);
        Assert.Equal("1.2.3", (string?)manifest["version"]);
        Assert.Equal(AppId.ToLowerInvariant(), (string?)manifest["id"]);
        JsonObject bot = (JsonObject)manifest["bots"]![0]!;
        Assert.Equal(AppId.ToLowerInvariant(), (string?)bot["botId"]);
        Assert.Equal(["personal", "team", "groupChat"], bot["scopes"]!.AsArray().Select(s => (string)s!));
        JsonArray commands = bot["commandLists"]![0]!["commands"]!.AsArray();
        Assert.InRange(commands.Count, 1, 10);
        Assert.All(commands, c => Assert.InRange(((string)c!["title"]!).Length, 1, 32));
        Assert.Contains(commands, c => (string?)c!["description"] == "芦別市の移住者数の目標は？");
        Assert.Equal(["bot.example.jp"], manifest["validDomains"]!.AsArray().Select(s => (string)s!));
        Assert.Equal("color.png", (string?)manifest["icons"]!["color"]);
        Assert.Equal("outline.png", (string?)manifest["icons"]!["outline"]);
        Assert.StartsWith("https://", (string?)manifest["developer"]!["privacyUrl"], StringComparison.Ordinal);
        Assert.InRange(((string)manifest["name"]!["short"]!).Length, 1, 30);
        Assert.InRange(((string)manifest["description"]!["short"]!).Length, 1, 80);

        (int w, int h, byte[] rgba) = DecodePng(ReadBytes(zip, "color.png"));
        Assert.Equal((192, 192), (w, h));
        Assert.True(Enumerable.Range(0, w * h).All(i => rgba[(i * 4) + 3] == 255), "the colour icon is fully opaque");
        (w, h, rgba) = DecodePng(ReadBytes(zip, "outline.png"));
        Assert.Equal((32, 32), (w, h));
        int transparent = Enumerable.Range(0, w * h).Count(i => rgba[(i * 4) + 3] == 0);
        int white = Enumerable.Range(0, w * h).Count(i => rgba[i * 4] == 255 && rgba[(i * 4) + 1] == 255 && rgba[(i * 4) + 2] == 255 && rgba[(i * 4) + 3] == 255);
        Assert.Equal(w * h, transparent + white);
        Assert.InRange(white, 50, 600);
    }

    [Fact]
    public void The_package_command_writes_the_zip_and_rejects_bad_input()
    {
        string dir = Directory.CreateTempSubdirectory("sa-pkg-").FullName;
        try
        {
            string zipPath = Path.Combine(dir, "out", "app.zip");
            var output = new StringWriter();
            var error = new StringWriter();
            int code = PackageCommand.Run(["--app-id", AppId, "--out", zipPath, "--domain", "bot.example.jp"], ["質問A"], null, output, error);
            Assert.Equal(0, code);
            Assert.True(File.Exists(zipPath));
            using (ZipArchive zip = ZipFile.OpenRead(zipPath))
            {
                Assert.Contains("質問A", Read(zip, "manifest.json"), StringComparison.Ordinal);
            }

            Assert.Equal(2, PackageCommand.Run(["--app-id", "not-a-guid", "--out", zipPath], [], null, output, error));
            Assert.Contains("not a GUID", error.ToString(), StringComparison.Ordinal);
            Assert.Equal(2, PackageCommand.Run(["--out", zipPath], [], null, output, error));
            Assert.Equal(2, PackageCommand.Run(["--app-id", AppId, "--out", zipPath, "--version", "1.0"], [], null, output, error));
            Assert.Equal(2, PackageCommand.Run(["--app-id", AppId, "--out", zipPath, "--bogus", "x"], [], null, output, error));
            Assert.Equal(0, PackageCommand.Run(["--out", Path.Combine(dir, "b.zip")], [], AppId, output, error));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static string Read(ZipArchive zip, string name) => Encoding.UTF8.GetString(ReadBytes(zip, name));

    private static byte[] ReadBytes(ZipArchive zip, string name)
    {
        using Stream stream = zip.GetEntry(name)!.Open();
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }

    /// <summary>An independent PNG reader: signature, chunk CRCs (bitwise CRC-32), IHDR, inflated IDAT with filter 0 rows.</summary>
    private static (int Width, int Height, byte[] Rgba) DecodePng(byte[] png)
    {
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        int pos = 8;
        int width = 0, height = 0;
        using var idat = new MemoryStream();
        while (pos < png.Length)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(pos));
            string type = Encoding.ASCII.GetString(png, pos + 4, 4);
            byte[] typeAndData = png[(pos + 4)..(pos + 8 + length)];
            uint crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(pos + 8 + length));
            Assert.Equal(Crc32(typeAndData), crc);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(pos + 8));
                height = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(pos + 12));
                Assert.Equal(8, png[pos + 16]);
                Assert.Equal(6, png[pos + 17]);
            }
            else if (type == "IDAT")
            {
                idat.Write(png, pos + 8, length);
            }

            pos += 12 + length;
        }

        idat.Position = 0;
        using var inflate = new ZLibStream(idat, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        inflate.CopyTo(raw);
        byte[] rows = raw.ToArray();
        Assert.Equal(height * (1 + (width * 4)), rows.Length);
        byte[] rgba = new byte[width * height * 4];
        for (int y = 0; y < height; y++)
        {
            Assert.Equal(0, rows[y * (1 + (width * 4))]);
            Array.Copy(rows, (y * (1 + (width * 4))) + 1, rgba, y * width * 4, width * 4);
        }

        return (width, height, rgba);
    }

    private static uint Crc32(byte[] data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in data)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
            }
        }

        return ~crc;
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("bot.example.invalid", true)]
    [InlineData("example.com", true)]
    [InlineData("sa-bot.city-council.lg.jp", false)]
    public void Package_warns_when_the_domain_is_a_placeholder(string? domain, bool warns)
    {
        var options = new TeamsAppPackageOptions
        {
            BotAppId = AppId,
            Domain = domain,
            WebsiteUrl = $"https://{domain ?? "example.invalid"}/",
            PrivacyUrl = $"https://{domain ?? "example.invalid"}/privacy",
            TermsOfUseUrl = $"https://{domain ?? "example.invalid"}/terms",
        };
        Assert.Equal(warns, PackageCommand.PlaceholderWarnings(options).Count > 0);
    }
}
