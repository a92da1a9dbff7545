using Microsoft.Playwright;
using StrategyAssistant.Bot.Tests.Infrastructure;

namespace StrategyAssistant.Bot.Tests;

/// <summary>Runs only when Debian's Chromium is installed (tests/StrategyAssistant.Bot.Tests/install-chromium.sh); under CI
/// (the CI environment variable set) it always runs, and so fails when Chromium is missing.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(ChromiumPath) && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            Skip = $"Chromium is not installed at {ChromiumPath}: run tests/StrategyAssistant.Bot.Tests/install-chromium.sh (under CI this test fails instead of skipping).";
        }
    }
}

/// <summary>The web chat in headless Chromium, driven by Playwright against the real host on 127.0.0.1.</summary>
public sealed class WebChatBrowserTests
{
    private static readonly string[] s_chromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    [ChromiumFact]
    public async Task A_typed_question_shows_the_answer_with_the_figure_and_a_clickable_source_with_the_quoted_lines()
    {
        Assert.True(File.Exists(ChromiumFactAttribute.ChromiumPath), $"Chromium is required under CI: {ChromiumFactAttribute.ChromiumPath} is missing; tests/StrategyAssistant.Bot.Tests/install-chromium.sh installs it.");
        await using BotTestHost host = await BotTestHost.StartAsync(new Dictionary<string, string?>());

        // Never let Playwright fetch a browser of its own.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        using IPlaywright playwright = await Playwright.CreateAsync();
        string userDataDir = Directory.CreateTempSubdirectory("sa-chromium-").FullName;
        try
        {
            await using IBrowserContext browser = await playwright.Chromium.LaunchPersistentContextAsync(userDataDir, new BrowserTypeLaunchPersistentContextOptions
            {
                ExecutablePath = ChromiumFactAttribute.ChromiumPath,
                Headless = true,
                Args = s_chromiumArgs,
                Locale = "ja-JP",
                ViewportSize = new ViewportSize { Width = 1100, Height = 900 },
            });
            IPage page = browser.Pages.Count > 0 ? browser.Pages[0] : await browser.NewPageAsync();
            var consoleErrors = new List<string>();
            page.Console += (_, message) =>
            {
                if (message.Type == "error")
                {
                    consoleErrors.Add(message.Text);
                }
            };

            await page.GotoAsync(host.BaseUrl + "/");
            Assert.Equal("StrategyAssistant — 総合戦略 Q&A", await page.TitleAsync());
            await page.Locator("#examples button").First.WaitForAsync();

            await page.FillAsync("#question", "芦別市の移住者数の目標は？");
            await page.ClickAsync("#ask");

            ILocator article = page.Locator("article.answer").First;
            await article.WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
            Assert.Equal("芦別市の移住者数の目標は？", await article.Locator("h2").InnerTextAsync());
            string answerText = await article.Locator(".answer-text").InnerTextAsync();
            Assert.Contains("40人", answerText, StringComparison.Ordinal);
            Assert.True(await article.Locator("a.cite").CountAsync() > 0, "the [n] markers are links");

            // The figures table shows every figure of the real answer in its column (基準値 / 目標値 / 実績値) with its year.
            StrategyAssistant.Answering.Answer expected = await host.Get<StrategyAssistant.Answering.IAnswerService>().AnswerAsync("芦別市の移住者数の目標は？");
            if (expected.Figures.Count > 0)
            {
                string table = await article.Locator("table.figures").InnerTextAsync();
                Assert.Contains("目標値", table, StringComparison.Ordinal);
                Assert.All(expected.Figures, f => Assert.Contains(StrategyAssistant.Bot.Replies.AnswerTables.ValueWithYear(f), table, StringComparison.Ordinal));
                Assert.DoesNotMatch(@"\[\d+\]", table);
                Assert.Contains("40人", table, StringComparison.Ordinal);
            }

            ILocator source = article.Locator("a.source-link").First;
            Assert.Contains("芦別市", await source.InnerTextAsync(), StringComparison.Ordinal);
            ILocator quote = article.Locator("blockquote.quote").First;
            Assert.False(await quote.IsVisibleAsync());
            await source.ClickAsync();
            await quote.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
            Assert.Contains("移住者数 40人", await quote.InnerTextAsync(), StringComparison.Ordinal);
            Assert.Contains(StrategyAssistant.Hosting.SourceLabel.Of(expected.Citations[0]), await source.InnerTextAsync(), StringComparison.Ordinal);
            Assert.DoesNotContain("004_62fb755ce21c91b3.txt", await article.InnerTextAsync(), StringComparison.Ordinal);

            // A follow-up in the same tab keeps the subject.
            await page.FillAsync("#question", "基準値は？");
            await page.ClickAsync("#ask");
            await page.Locator("article.answer").Nth(1).WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
            Assert.Contains("16人", await page.Locator("article.answer").First.Locator(".answer-text").InnerTextAsync(), StringComparison.Ordinal);

            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "webchat.png"), FullPage = true });
            await page.SetViewportSizeAsync(390, 844);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "webchat-phone.png"), FullPage = true });

            // On a phone the table stacks: each cell is a line of its own, labelled, and never one character wide.
            ILocator firstCell = page.Locator("table.figures td").First;
            Assert.Equal("block", await firstCell.EvaluateAsync<string>("e => getComputedStyle(e).display"));
            Assert.True(await firstCell.EvaluateAsync<double>("e => e.getBoundingClientRect().width") > 200, "a stacked cell spans the card");

            // The source opens in the document viewer, with the cited line highlighted.
            string viewer = (await page.Locator("a.source-open").Nth(0).GetAttributeAsync("href"))!;
            IPage document = await browser.NewPageAsync();
            await document.GotoAsync(host.BaseUrl + "/" + viewer);
            Assert.True(await document.Locator("li.cited").CountAsync() > 0, "cited lines are highlighted");
            Assert.Contains("40人", await document.Locator("li.cited").AllInnerTextsAsync() is var texts ? string.Join("\n", texts) : string.Empty, StringComparison.Ordinal);
            await document.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "viewer.png") });
            Assert.True(consoleErrors.Count == 0, "browser console errors: " + string.Join(" | ", consoleErrors));
        }
        finally
        {
            Directory.Delete(userDataDir, recursive: true);
        }
    }
}
