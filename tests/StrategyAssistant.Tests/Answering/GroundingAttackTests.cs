using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StrategyAssistant.Answering;
using StrategyAssistant.Answering.Model;
using StrategyAssistant.Hosting;
using StrategyAssistant.Ingestion;

namespace StrategyAssistant.Tests.Answering;

/// <summary>Issue 12's cases through the answer service the hosts use, with a scripted OpenAI-compatible server on 127.0.0.1:
/// whole answers (ask, the bot) and streamed ones (chat). The user never sees the bad claim, not even for a moment in a stream.</summary>
public sealed class GroundingAttackTests : IAsyncLifetime
{
    // One index for the whole class (built once, reused by every case).
    private static readonly string s_indexFolder = Directory.CreateTempSubdirectory("sa-attack-").FullName;
    private ScriptedChatServer _server = null!;
    private ServiceProvider _services = null!;

    public static TheoryData<string> Cases => [.. GroundingAttacks.All.Select(a => a.Name)];

    public async Task InitializeAsync()
    {
        _server = await ScriptedChatServer.StartAsync();
        Dictionary<string, string?> settings = GroundingAttacks.Settings(_server, TestCorpus.RepositoryRoot);
        settings["StrategyAssistant:DocumentsPath"] = TestCorpus.DocumentsDirectory;
        settings["StrategyAssistant:IndexPath"] = Path.Combine(s_indexFolder, "lucene");
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        _services = new ServiceCollection().AddLogging().AddStrategyAssistant(configuration).AddStrategyAssistantIngestion(configuration).BuildServiceProvider();

        // The index is built (or opened) before the clock of a case starts.
        await _services.GetRequiredService<StrategyAssistant.Search.CorpusIndexProvider>().GetAsync();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_whole_answer_never_shows_the_bad_claim(string name)
    {
        GroundingAttack attack = GroundingAttacks.Named(name);
        attack.Script(_server);
        var clock = Stopwatch.StartNew();

        Answer answer = await _services.GetRequiredService<IAnswerService>().AnswerAsync(GroundingAttacks.Question);

        AssertShown(attack, answer, answer.Text);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(GroundingAttacks.DeadlineSeconds + 5), $"answered in {clock.Elapsed}");
        Assert.NotEmpty(_server.Requests);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_streamed_answer_never_shows_the_bad_claim(string name)
    {
        GroundingAttack attack = GroundingAttacks.Named(name);
        attack.Script(_server);
        var clock = Stopwatch.StartNew();
        var streamed = new List<string>();
        Answer? final = null;

        await foreach (AnswerChunk chunk in _services.GetRequiredService<IStreamingAnswerService>().StreamAsync(GroundingAttacks.Question))
        {
            if (chunk.Text is not null)
            {
                streamed.Add(chunk.Text);
                Assert.DoesNotContain(attack.Forbidden, string.Concat(streamed), StringComparison.Ordinal);
            }

            final = chunk.Final ?? final;
        }

        Assert.NotNull(final);
        AssertShown(attack, final, final.Text);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(GroundingAttacks.DeadlineSeconds + 5), $"answered in {clock.Elapsed}");
        Assert.True(_server.Requests[0]["stream"]!.GetValue<bool>());
        if (attack.Accepted)
        {
            Assert.Equal(final.Text, string.Concat(streamed).Trim());
        }
    }

    [Fact]
    public async Task The_tool_case_really_fetched_the_other_record()
    {
        GroundingAttacks.Named("figure of another record fetched by a tool").Script(_server);

        Answer answer = await _services.GetRequiredService<IAnswerService>().AnswerAsync(GroundingAttacks.Question);

        Assert.Equal(2, _server.Requests.Count);
        Assert.Contains("45人/年", _server.Requests[1].ToJsonString(AnswerJson.Options), StringComparison.Ordinal);
        Assert.Equal(AnswerMode.Offline, answer.Mode);
    }

    private static void AssertShown(GroundingAttack attack, Answer answer, string text)
    {
        Assert.DoesNotContain(attack.Forbidden, text, StringComparison.Ordinal);
        Assert.DoesNotContain(attack.Forbidden, string.Join("\n", answer.Notes), StringComparison.Ordinal);
        if (attack.Accepted)
        {
            Assert.Equal(AnswerMode.Model, answer.Mode);
            Assert.Contains("40人", text, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(AnswerMode.Offline, answer.Mode);
            Assert.Contains(ModelAnswerService.FallbackNotice, answer.Notes);
            Assert.Contains("40人", text, StringComparison.Ordinal);
        }
    }
}
