using System.Text;
using Microsoft.Extensions.Options;

namespace StrategyAssistant.Bot.Viewer;

/// <summary><c>/privacy</c> and <c>/terms</c>: the pages the Teams app manifest links to, with texts from configuration
/// (<c>Bot:PrivacyText</c>, <c>Bot:TermsText</c>; paragraphs separated by blank lines), escaped.</summary>
public static class SitePages
{
    public const string DefaultPrivacy = "この bot は、質問への回答のために質問文を処理します。質問と回答への評価（👍/👎 とコメント）は品質改善のため運用者のサーバーに保存されます。第三者に提供することはありません。";

    public const string DefaultTerms = "回答は公開資料から自動で作成したものです。数値は必ず出典の行でご確認ください。回答の正確性は保証されません。";

    public static IEndpointRouteBuilder MapSitePages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/privacy", (HttpContext context, IOptions<BotOptions> options) => Page(context, "プライバシーについて", options.Value.PrivacyText, DefaultPrivacy)).ExcludeFromDescription();
        endpoints.MapGet("/terms", (HttpContext context, IOptions<BotOptions> options) => Page(context, "利用規約", options.Value.TermsText, DefaultTerms)).ExcludeFromDescription();
        return endpoints;
    }

    private static IResult Page(HttpContext context, string title, string? configured, string fallback)
    {
        string text = string.IsNullOrWhiteSpace(configured) ? fallback : configured;
        var html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<link rel=\"icon\" href=\"data:,\">\n<link rel=\"stylesheet\" href=\"viewer.css\">\n<title>");
        html.Append(DocumentViewer.Escape(title)).Append(" — StrategyAssistant</title>\n</head>\n<body>\n<header><h1>").Append(DocumentViewer.Escape(title)).Append("</h1></header>\n<main>\n");
        foreach (string paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            html.Append("<p>").Append(DocumentViewer.Escape(paragraph).Replace("\n", "<br>", StringComparison.Ordinal)).Append("</p>\n");
        }

        html.Append("</main>\n</body>\n</html>\n");
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.ContentSecurityPolicy = DocumentViewer.ContentSecurityPolicy;
        return Results.Text(html.ToString(), "text/html; charset=utf-8");
    }
}
