using StrategyAssistant.Answering;
using StrategyAssistant.Documents;

namespace StrategyAssistant.Bot.Tests.Infrastructure;

/// <summary>Registers the answer service the tests use.</summary>
internal static class TestAnswering
{
    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        services.AddSingleton<IAnswerService, CorpusAnswerAdapter>();
    }
}

/// <summary>Adapter until the real pipeline lands: answers the 芦別市 移住者数 question from the bundled corpus line
/// (a real citation), and says "not found" otherwise.</summary>
internal sealed class CorpusAnswerAdapter : IAnswerService
{
    private static readonly Lazy<Corpus> s_corpus = new(() => Corpus.Load(Corpus.FindDocumentsDirectory(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("index/documents not found above " + AppContext.BaseDirectory)));

    public Task<Answer> AnswerAsync(string question, CancellationToken cancellationToken = default)
    {
        if (question.Contains("移住者数", StringComparison.Ordinal))
        {
            SourceDocument document = s_corpus.Value.Documents.Single(d => d.City == "芦別市");
            int line = Enumerable.Range(1, document.LineCount).First(n => document.Line(n).Contains("移住者数 40人", StringComparison.Ordinal));
            Citation citation = document.Cite(line);
            return Task.FromResult(new Answer
            {
                Question = question,
                Text = "芦別市の移住者数の目標は40人です[1]。基準値は16人です[1]。",
                Citations = [citation],
                Figures = [new Figure("16", "人", null, 1, "移住者数 基準値"), new Figure("40", "人", null, 1, "移住者数 目標値")],
            });
        }

        return Task.FromResult(new Answer { Question = question, Text = "資料に該当する記述が見つかりませんでした。", Found = false });
    }
}
