using System.Net;
using System.Text;
using System.Text.Json;
using StrategyAssistant.Answering;
using StrategyAssistant.Bot.Tests.Infrastructure;
using StrategyAssistant.Documents;
using StrategyAssistant.Hosting;
using StrategyAssistant.Ingestion.Tests.Synthetic;

namespace StrategyAssistant.Bot.Tests;

/// <summary>The viewer serves the file a city published: a PDF inline (so <c>#page=N</c> opens the cited page), a spreadsheet
/// as a download, nothing for text documents; a PDF citation's viewer link carries its page. Corpus: a synthetic city as a
/// generated PDF, as an .xlsx and as text.</summary>
public sealed class OriginalDocumentTests : IAsyncLifetime
{
    private readonly string _corpus = Directory.CreateTempSubdirectory("sa-originals-").FullName;
    private readonly SyntheticCity _city = SyntheticCities.All.First(c => c.HasSheetForm);
    private byte[] _pdf = [];
    private byte[] _xlsx = [];
    private BotTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _pdf = Renderings.Pdf(_city);
        _xlsx = Renderings.Xlsx(_city);
        File.WriteAllBytes(Path.Combine(_corpus, "kpi.pdf"), _pdf);
        File.WriteAllBytes(Path.Combine(_corpus, "kpi-sheet.xlsx"), _xlsx);
        File.WriteAllText(Path.Combine(_corpus, "kpi-text.txt"), Renderings.Text(_city), Encoding.UTF8);
        var entries = new[] { "kpi.pdf", "kpi-sheet.xlsx", "kpi-text.txt" }
            .Select(f => new Dictionary<string, string> { ["file"] = f, ["city"] = _city.City, ["title"] = _city.Title + " " + Path.GetExtension(f), ["kind"] = "kpi-report" });
        File.WriteAllText(Path.Combine(_corpus, Corpus.ManifestFileName), JsonSerializer.Serialize(new { documents = entries }), Encoding.UTF8);
        _host = await BotTestHost.StartAsync(new Dictionary<string, string?> { ["StrategyAssistant:DocumentsPath"] = _corpus });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_corpus, recursive: true);
    }

    [Fact]
    public async Task A_pdf_citation_links_the_viewer_at_its_page_and_the_viewer_links_the_original_pdf_there()
    {
        ExpectedKpi kpi = _city.Expected[0];
        Answer answer = await _host.Get<IAnswerService>().AnswerAsync($"{_city.City}の{kpi.Indicator}の目標値は？");
        Citation pdf = answer.Citations.First(c => c.File == "kpi.pdf");
        Assert.NotNull(pdf.Page);

        string viewer = SourceLabel.ViewerPath(pdf);
        Assert.Contains($"&page={pdf.Page}", viewer, StringComparison.Ordinal);
        string html = await _host.Client.GetStringAsync(new Uri(viewer, UriKind.Relative));
        Assert.Contains($"href=\"kpi/original#page={pdf.Page}\"", html, StringComparison.Ordinal);
        Assert.Contains($"元のPDFを開く（p.{pdf.Page}）", html, StringComparison.Ordinal);

        using HttpResponseMessage original = await _host.Client.GetAsync(new Uri("documents/kpi/original", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, original.StatusCode);
        Assert.Equal("application/pdf", original.Content.Headers.ContentType?.MediaType);
        Assert.Equal("inline", original.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(_pdf, await original.Content.ReadAsByteArrayAsync());
        Assert.Equal("nosniff", original.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Web_chat_card_and_Teams_citations_name_the_page_line_and_the_sheet_cell()
    {
        ExpectedKpi kpi = _city.Expected[0];
        string question = $"{_city.City}の{kpi.Indicator}の目標値は？";
        Answer answer = await _host.Get<IAnswerService>().AnswerAsync(question);
        Citation pdf = answer.Citations.First(c => c.File == "kpi.pdf");
        Citation cell = answer.Citations.First(c => c.File == "kpi-sheet.xlsx" && c.Cell is { } a && !a.Contains(':', StringComparison.Ordinal));
        Citation text = answer.Citations.First(c => c.File == "kpi-text.txt");
        Assert.Matches(@"^p\.[0-9]+, [0-9]+(–[0-9]+)?行目$", SourceLabel.LinesOf(pdf));
        Assert.Matches(@"^KPI![A-Z]+[0-9]+$", SourceLabel.LinesOf(cell));
        Assert.Matches(@"^[0-9]+(–[0-9]+)?行$", SourceLabel.LinesOf(text));

        // The web chat shows the server's label.
        using HttpResponseMessage response = await _host.Client.PostAsync(new Uri("api/ask", UriKind.Relative),
            new StringContent(JsonSerializer.Serialize(new { question }), Encoding.UTF8, "application/json"));
        string json = await response.Content.ReadAsStringAsync();
        foreach (Citation c in new[] { pdf, cell, text })
        {
            Assert.Contains(SourceLabel.Of(c), json, StringComparison.Ordinal);
        }

        // Teams: the card's sources and the citation entities.
        var inbound = new Bot.Protocol.Activity
        {
            Type = "message", Id = "1", ServiceUrl = "https://smba.trafficmanager.net/amer/", ChannelId = "msteams",
            From = new Bot.Protocol.ChannelAccount { Id = "29:user" }, Recipient = new Bot.Protocol.ChannelAccount { Id = "28:bot" },
            Conversation = new Bot.Protocol.ConversationAccount { Id = "a:conv", ConversationType = "personal" },
        };
        string reply = Bot.Protocol.ActivityJson.Serialize(Bot.Replies.ReplyBuilder.Answer(inbound, answer, 80 * 1024));
        foreach (Citation c in new[] { pdf, cell, text })
        {
            Assert.Contains(SourceLabel.LinesOf(c), reply, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_spreadsheet_original_is_a_download_and_a_text_document_has_no_original()
    {
        using HttpResponseMessage sheet = await _host.Client.GetAsync(new Uri("documents/kpi-sheet/original", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, sheet.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", sheet.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", sheet.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(_xlsx, await sheet.Content.ReadAsByteArrayAsync());
        string sheetPage = await _host.Client.GetStringAsync(new Uri("documents/kpi-sheet?line=1", UriKind.Relative));
        Assert.Contains("href=\"kpi-sheet/original\" download>元のExcel ファイルを開く", sheetPage, StringComparison.Ordinal);

        using HttpResponseMessage text = await _host.Client.GetAsync(new Uri("documents/kpi-text/original", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, text.StatusCode);
        Assert.DoesNotContain("/original", await _host.Client.GetStringAsync(new Uri("documents/kpi-text?line=1", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_original_removed_after_loading_or_replaced_by_a_link_out_of_the_folder_is_404()
    {
        string outside = Path.Combine(Path.GetTempPath(), $"sa-outside-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(outside, _pdf);
        try
        {
            _ = await _host.Client.GetStringAsync(new Uri("documents/kpi?line=1", UriKind.Relative));
            File.Delete(Path.Combine(_corpus, "kpi.pdf"));
            File.CreateSymbolicLink(Path.Combine(_corpus, "kpi.pdf"), outside);

            using HttpResponseMessage response = await _host.Client.GetAsync(new Uri("documents/kpi/original", UriKind.Relative));

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        finally
        {
            File.Delete(outside);
        }
    }
}
