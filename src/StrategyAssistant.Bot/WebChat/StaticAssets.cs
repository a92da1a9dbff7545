using System.Reflection;
using System.Security.Cryptography;

namespace StrategyAssistant.Bot.WebChat;

/// <summary>The web chat page, embedded in the assembly so it is served whatever the content root.</summary>
public static class StaticAssets
{
    private static readonly (string Path, string Resource, string ContentType)[] s_assets =
    [
        ("/", "index.html", "text/html; charset=utf-8"),
        ("/index.html", "index.html", "text/html; charset=utf-8"),
        ("/app.js", "app.js", "text/javascript; charset=utf-8"),
        ("/app.css", "app.css", "text/css; charset=utf-8"),
        ("/viewer.css", "viewer.css", "text/css; charset=utf-8"),
        ("/viewer.js", "viewer.js", "text/javascript; charset=utf-8"),
    ];

    private static readonly Dictionary<string, (byte[] Bytes, string ETag)> s_cache = Load();

    public static IEndpointRouteBuilder MapWebChat(this IEndpointRouteBuilder endpoints)
    {
        foreach ((string path, string resource, string contentType) in s_assets)
        {
            (byte[] bytes, string etag) = s_cache[resource];
            endpoints.MapGet(path, (HttpContext context) =>
            {
                context.Response.Headers.ETag = etag;
                context.Response.Headers.CacheControl = "no-cache";
                context.Response.Headers.XContentTypeOptions = "nosniff";
                context.Response.Headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'";
                context.Response.Headers["Referrer-Policy"] = "no-referrer";
                if (context.Request.Headers.IfNoneMatch == etag)
                {
                    return Results.StatusCode(StatusCodes.Status304NotModified);
                }

                return Results.Bytes(bytes, contentType);
            }).ExcludeFromDescription();
        }

        return endpoints;
    }

    private static Dictionary<string, (byte[], string)> Load()
    {
        Assembly assembly = typeof(StaticAssets).Assembly;
        var result = new Dictionary<string, (byte[], string)>(StringComparer.Ordinal);
        foreach (string resource in s_assets.Select(a => a.Resource).Distinct())
        {
            using Stream stream = assembly.GetManifestResourceStream("WebChat." + resource)
                ?? throw new InvalidOperationException($"The embedded web chat asset {resource} is missing.");
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            byte[] bytes = memory.ToArray();
            result[resource] = (bytes, "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..16] + "\"");
        }

        return result;
    }
}
