using System.Globalization;
using System.Net;
using System.Text;
using StrategyAssistant.Documents;
using Microsoft.Extensions.Options;
using StrategyAssistant.Hosting;
using StrategyAssistant.Ingestion;
using StrategyAssistant.Search;

namespace StrategyAssistant.Bot.Viewer;

/// <summary><c>GET /documents/{id}?line=118&amp;end=120</c>: a read-only page with a corpus document's text, the cited lines
/// highlighted and scrolled to. The id is looked up among the loaded corpus documents only — no part of the request ever
/// reaches the file system — so anything else (a path, <c>..</c>, an unknown name) is 404. Every character of the
/// document is HTML-escaped. <c>/documents/{id}/text</c> downloads the text as the corpus holds it;
/// <c>/documents/{id}/original</c> serves the file the city published (a PDF inline, so <c>#page=N</c> opens the cited page;
/// a spreadsheet as a download), read through the corpus jail from the configured documents folder.</summary>
public static class DocumentViewer
{
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    public static IEndpointRouteBuilder MapDocumentViewer(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/documents/{id}", async (string id, int? line, int? end, int? page, HttpContext context, CorpusIndexProvider corpus) =>
        {
            SourceDocument? document = Find(await corpus.GetAsync(context.RequestAborted).ConfigureAwait(false), id);
            if (document is null)
            {
                return NotFound(context);
            }

            Secure(context);
            return Results.Text(Render(document, line, end, page), "text/html; charset=utf-8");
        }).ExcludeFromDescription();
        endpoints.MapGet("/documents/{id}/text", async (string id, HttpContext context, CorpusIndexProvider corpus) =>
        {
            SourceDocument? document = Find(await corpus.GetAsync(context.RequestAborted).ConfigureAwait(false), id);
            if (document is null)
            {
                return NotFound(context);
            }

            Secure(context);
            byte[] text = Encoding.UTF8.GetBytes(string.Join('\n', document.Lines) + "\n");
            return Results.File(text, "text/plain; charset=utf-8", document.File);
        }).ExcludeFromDescription();
        endpoints.MapGet("/documents/{id}/original", async (string id, HttpContext context, CorpusIndexProvider corpus, IOptions<StrategyAssistantOptions> options, IOptions<IngestionOptions> limits) =>
        {
            SourceDocument? document = Find(await corpus.GetAsync(context.RequestAborted).ConfigureAwait(false), id);
            OriginalFile? original = document is null ? null : OriginalFile.Read(options.Value.ResolveDocumentsPath(), document.File, limits.Value);
            if (original is null)
            {
                return NotFound(context);
            }

            // No content security policy here: it would stop the browser's own PDF viewer; nosniff keeps the type honest.
            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.Headers["Referrer-Policy"] = "no-referrer";
            context.Response.Headers.CacheControl = "no-cache";
            context.Response.Headers.ContentDisposition = original.ContentDisposition;
            return Results.Bytes(original.Bytes, original.ContentType);
        }).ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>The corpus document whose id (<see cref="SourceLabel.DocumentId"/>) is <paramref name="id"/>, compared ordinally; null otherwise.</summary>
    public static SourceDocument? Find(CorpusIndex index, string id)
    {
        ArgumentNullException.ThrowIfNull(index);
        return index.Knowledge.Corpus.Documents.FirstOrDefault(d => string.Equals(SourceLabel.DocumentId(d.File), id, StringComparison.Ordinal));
    }

    /// <summary>The page: title, city, period, a link to the original (at <paramref name="page"/> for a PDF), then one element
    /// per line (id <c>L{n}</c>), lines <paramref name="line"/>..<paramref name="end"/> marked.</summary>
    public static string Render(SourceDocument document, int? line, int? end, int? page = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        int first = line is > 0 && line <= document.LineCount ? line.Value : 0;
        int last = first == 0 ? 0 : Math.Clamp(end ?? first, first, Math.Min(document.LineCount, first + 200));
        string name = SourceLabel.Document(document.City, document.Info.Title, document.File);
        var html = new StringBuilder(document.Lines.Sum(l => l.Length + 48) + 1024);
        html.Append("<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta name=\"robots\" content=\"noindex\">\n<link rel=\"icon\" href=\"data:,\">\n<link rel=\"stylesheet\" href=\"../viewer.css\">\n<script src=\"../viewer.js\" defer></script>\n<title>")
            .Append(Escape(name)).Append("</title>\n</head>\n<body>\n<header>\n<h1>").Append(Escape(name)).Append("</h1>\n<p class=\"meta\">")
            .Append(Escape(document.City));
        if (document.Info.Period.Length > 0)
        {
            html.Append(" ・ ").Append(Escape(document.Info.Period));
        }

        html.Append(" ・ ").Append(document.LineCount.ToString("N0", CultureInfo.InvariantCulture)).Append('行');
        if (first > 0)
        {
            html.Append(" ・ <a href=\"#L").Append(first).Append("\">引用箇所: ").Append(Escape(SourceLabel.Lines(first, last))).Append("</a>");
        }

        string documentId = Escape(Uri.EscapeDataString(SourceLabel.DocumentId(document.File)));
        html.Append(" ・ <a href=\"").Append(documentId).Append("/text\" download>テキストを保存</a>");
        if (OriginalFile.KindOf(document.File) is { } kind)
        {
            string at = page is > 0 && kind.Paginated ? $"#page={page.Value}" : string.Empty;
            html.Append(" ・ <a href=\"").Append(documentId).Append("/original").Append(at).Append('"').Append(kind.Paginated ? string.Empty : " download")
                .Append('>').Append(Escape(kind.Paginated && at.Length > 0 ? $"元の{kind.Label}を開く（p.{page}）" : $"元の{kind.Label}を開く")).Append("</a>");
        }

        html.Append("</p>\n</header>\n<main>\n<ol class=\"lines\">\n");
        for (int n = 1; n <= document.LineCount; n++)
        {
            bool cited = n >= first && n <= last && first > 0;
            html.Append("<li id=\"L").Append(n).Append('"').Append(" value=\"").Append(n).Append('"');
            if (cited)
            {
                html.Append(" class=\"cited\"");
            }

            html.Append("><code>").Append(Escape(document.Line(n))).Append("</code></li>\n");
        }

        html.Append("</ol>\n</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>HTML-escapes text and attribute values (&amp; &lt; &gt; &quot; &#39;).</summary>
    public static string Escape(string text) => WebUtility.HtmlEncode(text);

    private static IResult NotFound(HttpContext context)
    {
        Secure(context);
        return Results.Text("<!DOCTYPE html><html lang=\"ja\"><meta charset=\"utf-8\"><title>404</title><p>この資料はありません。</p></html>", "text/html; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
    }

    private static void Secure(HttpContext context)
    {
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        context.Response.Headers["Referrer-Policy"] = "no-referrer";
        context.Response.Headers.CacheControl = "no-cache";
    }
}
