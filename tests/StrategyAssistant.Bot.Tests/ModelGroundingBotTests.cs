using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using StrategyAssistant.Answering.Model;
using StrategyAssistant.Bot.Tests.Infrastructure;
using StrategyAssistant.Tests.Answering;

namespace StrategyAssistant.Bot.Tests;

/// <summary>Issue 12's model cases through the bot host's <c>/api/ask</c> against a scripted OpenAI-compatible server on
/// 127.0.0.1. The Teams messages path answers through the same <c>IAnswerService</c> (BotReplyWorker), so what is checked
/// here holds for it too.</summary>
public sealed class ModelGroundingBotTests : IAsyncLifetime
{
    // One index for every case of the class (the hosts of the cases run one after another).
    private static readonly string s_indexFolder = Directory.CreateTempSubdirectory("sa-bot-model-").FullName;
    private ScriptedChatServer _server = null!;
    private BotTestHost _host = null!;

    public static TheoryData<string> Cases => [.. GroundingAttacks.All.Select(a => a.Name)];

    public async Task InitializeAsync()
    {
        _server = await ScriptedChatServer.StartAsync();
        Dictionary<string, string?> settings = GroundingAttacks.Settings(_server, RepositoryRoot());
        settings["StrategyAssistant:IndexPath"] = Path.Combine(s_indexFolder, "lucene");
        _host = await BotTestHost.StartAsync(settings);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Api_ask_never_returns_the_bad_claim(string name)
    {
        GroundingAttack attack = GroundingAttacks.Named(name);
        await _host.Get<StrategyAssistant.Search.CorpusIndexProvider>().GetAsync();
        attack.Script(_server);
        var clock = Stopwatch.StartNew();

        using HttpResponseMessage response = await AskAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        JsonNode json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        string shown = (string)json["answer"]! + "\n" + string.Join("\n", json["notes"]!.AsArray().Select(n => (string)n!));
        Assert.DoesNotContain(attack.Forbidden, shown, StringComparison.Ordinal);
        Assert.Contains("40人", shown, StringComparison.Ordinal);
        Assert.Equal(attack.Accepted ? "model" : "offline", (string)json["mode"]!);
        Assert.Equal(!attack.Accepted, shown.Contains(ModelAnswerService.FallbackNotice, StringComparison.Ordinal));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(GroundingAttacks.DeadlineSeconds + 5), $"answered in {clock.Elapsed}");
    }

    private Task<HttpResponseMessage> AskAsync() =>
        _host.Client.PostAsync(new Uri("api/ask", UriKind.Relative), new StringContent(new JsonObject { ["question"] = GroundingAttacks.Question }.ToJsonString(), Encoding.UTF8, "application/json"));

    private static string RepositoryRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "StrategyAssistant.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("StrategyAssistant.sln not found above the test binaries.");
    }
}
