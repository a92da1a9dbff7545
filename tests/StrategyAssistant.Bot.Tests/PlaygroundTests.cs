using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;
using StrategyAssistant.Stores;
using StrategyAssistant.Bot.Tests.Infrastructure;

namespace StrategyAssistant.Bot.Tests;

/// <summary>Runs when Microsoft 365 Agents Playground (install-playground.sh) and Chromium (install-chromium.sh) are
/// installed; under CI it always runs, and so fails when either is missing.</summary>
public sealed class PlaygroundFactAttribute : FactAttribute
{
    public PlaygroundFactAttribute()
    {
        if ((!File.Exists(AgentsPlayground.CliPath) || !File.Exists(ChromiumFactAttribute.ChromiumPath)) && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            Skip = $"Agents Playground ({AgentsPlayground.CliPath}) or Chromium is not installed: run tests/StrategyAssistant.Bot.Tests/install-playground.sh and install-chromium.sh.";
        }
    }
}

/// <summary>The real Microsoft 365 Agents Playground (the official local Teams client, npm @microsoft/m365agentsplayground)
/// against the real bot host on 127.0.0.1, its page driven in headless Chromium: the welcome, an answer with its AI label,
/// citation chips and card, a welcome button, feedback on the older of two answers, and an @mention in a group chat.
/// Screenshots are saved beside the test assembly (playground-*.png).</summary>
public sealed class PlaygroundTests
{
    private const string Question = "芦別市の移住者数の目標は？";
    private const string ExampleQuestion = "砂川市の観光入込客数の目標値は？";

    private static readonly string[] s_chromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    [PlaygroundFact]
    public async Task The_Playground_shows_one_welcome_answers_with_label_chips_and_card_takes_buttons_feedback_and_group_mentions()
    {
        Assert.True(File.Exists(AgentsPlayground.CliPath), $"{AgentsPlayground.CliPath} is missing: run install-playground.sh");
        Assert.True(File.Exists(ChromiumFactAttribute.ChromiumPath), "Chromium is missing: run install-chromium.sh");

        // Development and no app id: the host accepts the Playground's unauthenticated activities, as with the Emulator.
        await using BotTestHost host = await BotTestHost.StartAsync(new Dictionary<string, string?> { ["Bot:MicrosoftAppId"] = string.Empty }, environment: "Development");
        await using AgentsPlayground playground = await AgentsPlayground.StartAsync(host.BaseUrl + "/api/messages");

        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        using IPlaywright playwright = await Playwright.CreateAsync();
        await using IBrowser browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumFactAttribute.ChromiumPath, Headless = true, Args = s_chromiumArgs });
        IPage page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1400 }, Locale = "ja-JP" });
        string shots = AppContext.BaseDirectory;
        try
        {
            await page.GotoAsync(playground.BaseUrl + "/");

            // The log panel repeats every message's text: close it so only the chat is counted.
            await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Toggle Log Panel" }).ClickAsync();

            // 1. One welcome, its examples once (as buttons).
            ILocator welcome = page.GetByText("こんにちは。地方創生総合戦略の資料から", new PageGetByTextOptions { Exact = false });
            await welcome.First.WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
            await page.WaitForTimeoutAsync(1500);
            Assert.Equal(1, await welcome.CountAsync());
            Assert.Equal(1, await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = ExampleQuestion }).CountAsync());
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, "playground-welcome.png") });

            // 2. A welcome button sends its question.
            await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = ExampleQuestion }).ClickAsync();
            await WaitForCardsAsync(page, 1);
            Assert.Equal(1, await CardHeaders(page, ExampleQuestion).CountAsync());

            // 3. A typed question: text, AI label, citation chips and the card with its table.
            ILocator editor = page.Locator("[data-lexical-editor='true']");
            await editor.ClickAsync();
            await page.Keyboard.TypeAsync(Question);
            await page.Keyboard.PressAsync("Enter");
            await WaitForCardsAsync(page, 2);
            await page.GetByText("40人（R6）").First.WaitForAsync();
            Assert.True(await page.GetByText("AI generated").CountAsync() >= 2, "the AI label is shown on the answers");
            Assert.True(await page.Locator("p a[role='button']").CountAsync() >= 1, "citation chips are shown in the answer text");
            ILocator withTable = page.Locator(".ac-adaptiveCard").Filter(new LocatorFilterOptions { HasText = "出典" })
                .Filter(new LocatorFilterOptions { Has = page.GetByText("目標値", new PageGetByTextOptions { Exact = true }) });
            Assert.True(await withTable.CountAsync() >= 2, "each answer card carries its table (目標値 column)");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, "playground-answers.png"), FullPage = true });

            // 4. 👎 on the older answer is stored with that answer (the Playground's invokes carry no replyToId).
            await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "役に立たなかった" }).First.ClickAsync();
            FeedbackEntry entry = await WaitForFeedbackAsync(host);
            Assert.Equal("dislike", entry.Reaction);
            Assert.Equal("answer-id", entry.MatchedBy);
            Assert.Equal(ExampleQuestion, entry.Question);
            Assert.Contains(entry.Citations, c => c.City == "砂川市");

            // 5. A group chat @mention is answered.
            await page.GetByRole(AriaRole.Treeitem, new PageGetByRoleOptions { Name = "Group Chat" }).ClickAsync();
            await editor.ClickAsync();
            await page.Keyboard.TypeAsync("@");
            await page.GetByRole(AriaRole.Menuitem, new PageGetByRoleOptions { Name = "Test Bot" }).ClickAsync();
            await page.Keyboard.TypeAsync(" " + Question);
            await page.Keyboard.PressAsync("Enter");
            await WaitForCardsAsync(page, 1);
            Assert.Equal(1, await CardHeaders(page, Question).CountAsync());
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, "playground-group.png"), FullPage = true });
        }
        catch (Exception ex)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, "playground-failure.png"), FullPage = true });
            throw new Xunit.Sdk.XunitException(ex.Message + "\nPlayground log:\n" + playground.Log + "\nPage text:\n" + await page.InnerTextAsync("body"), ex);
        }
    }

    private static ILocator CardHeaders(IPage page, string question) =>
        page.Locator(".ac-adaptiveCard").Filter(new LocatorFilterOptions { HasText = "出典" }).GetByText(question, new LocatorGetByTextOptions { Exact = true });

    private static async Task WaitForCardsAsync(IPage page, int answers)
    {
        ILocator cards = page.Locator(".ac-adaptiveCard").Filter(new LocatorFilterOptions { HasText = "出典" });
        for (int i = 0; i < 600 && await cards.CountAsync() < answers; i++)
        {
            await page.WaitForTimeoutAsync(100);
        }

        Assert.True(await cards.CountAsync() >= answers, $"{answers} answer card(s) shown");
    }

    private static async Task<FeedbackEntry> WaitForFeedbackAsync(BotTestHost host)
    {
        for (int i = 0; i < 200; i++)
        {
            if (await host.FeedbackAsync() is { Count: > 0 } all && all[^1] is { } entry)
            {
                return entry;
            }

            await Task.Delay(100);
        }

        throw new Xunit.Sdk.XunitException("no feedback stored");
    }
}

/// <summary>The Agents Playground as a child process on a free port, stopped (its process tree) when disposed.</summary>
internal sealed class AgentsPlayground : IAsyncDisposable
{
    public static readonly string Directory = Environment.GetEnvironmentVariable("SA_PLAYGROUND_DIR") ?? "/opt/m365agentsplayground";

    private readonly Process _process;
    private readonly System.Text.StringBuilder _log = new();

    private AgentsPlayground(Process process, int port)
    {
        _process = process;
        BaseUrl = $"http://127.0.0.1:{port}";
    }

    public static string CliPath => Path.Combine(Directory, "node_modules", "@microsoft", "m365agentsplayground", "cli.js");

    public string BaseUrl { get; }

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

    public static async Task<AgentsPlayground> StartAsync(string botEndpoint)
    {
        int port = FreePort();
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in new[] { CliPath, "-e", botEndpoint, "-c", "msteams", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--dt" })
        {
            start.ArgumentList.Add(arg);
        }

        // Never open a desktop browser.
        start.Environment["BROWSER"] = "none";
        var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var playground = new AgentsPlayground(process, port);
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Append(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (playground._log)
            {
                playground._log.AppendLine(line);
            }

            if (line.Contains("Listening on", StringComparison.Ordinal))
            {
                listening.TrySetResult();
            }
        }

        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (await Task.WhenAny(listening.Task, Task.Delay(TimeSpan.FromSeconds(60))) != listening.Task)
        {
            await playground.DisposeAsync();
            throw new InvalidOperationException("The Agents Playground did not start: " + playground.Log);
        }

        return playground;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
