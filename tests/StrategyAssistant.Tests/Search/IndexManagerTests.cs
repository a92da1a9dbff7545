using Microsoft.Extensions.Logging;
using StrategyAssistant.Documents;
using StrategyAssistant.Search;
using StrategyAssistant.Ingestion;

namespace StrategyAssistant.Tests.Search;

public sealed class IndexManagerTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("sa-index-").FullName;
    private readonly CollectingLogger<IndexManager> _log = new();

    private string IndexPath => Path.Combine(_root, "lucene");

    [Fact]
    public void Builds_when_missing_then_reopens_without_rebuilding()
    {
        IndexManager manager = NewManager();
        KnowledgeBase knowledge = CorpusKnowledge.Read(TestCorpus.Corpus);
        using (SearchIndex first = manager.OpenOrBuild(IndexPath, knowledge))
        {
            Assert.True(first.DocumentCount >= knowledge.Passages.Count);
        }

        string marker = Path.Combine(IndexPath, "marker");
        File.WriteAllText(marker, "still here");
        using (manager.OpenOrBuild(IndexPath, knowledge))
        {
            Assert.True(File.Exists(marker), "an up-to-date index is opened, not rebuilt");
        }
    }

    [Fact]
    public void A_changed_document_makes_the_index_stale_and_it_is_rebuilt()
    {
        string documents = CopyCorpus();
        IndexManager manager = NewManager();
        using (manager.OpenOrBuild(IndexPath, CorpusKnowledge.Read(Corpus.Load(documents))))
        {
        }

        string marker = Path.Combine(IndexPath, "marker");
        File.WriteAllText(marker, "old");
        File.AppendAllText(Path.Combine(documents, "004_62fb755ce21c91b3.txt"), "\n新しい施策 ワーケーション拠点の整備\n");
        KnowledgeBase changed = CorpusKnowledge.Read(Corpus.Load(documents));
        using SearchIndex index = manager.OpenOrBuild(IndexPath, changed);

        Assert.False(File.Exists(marker), "a stale index is replaced");
        Assert.Contains(_log.Messages, m => m.Contains("rebuilding", StringComparison.Ordinal));
        Assert.NotEmpty(new Retriever(index).Search(new SearchRequest("ワーケーション拠点", [IndexFields.KindPassage], [])));
    }

    [Fact]
    public void Garbage_in_the_index_folder_is_detected_and_rebuilt_with_a_clear_message()
    {
        KnowledgeBase knowledge = CorpusKnowledge.Read(TestCorpus.Corpus);
        IndexManager manager = NewManager();
        using (manager.OpenOrBuild(IndexPath, knowledge))
        {
        }

        foreach (string file in Directory.GetFiles(IndexPath))
        {
            File.WriteAllBytes(file, [0x00, 0x01, 0x02, 0xFF, 0xFE]);
        }

        using SearchIndex index = manager.OpenOrBuild(IndexPath, knowledge);
        Assert.Contains(_log.Messages, m => m.Contains("unreadable", StringComparison.Ordinal) && m.Contains("rebuilding", StringComparison.Ordinal));
        Assert.NotEmpty(new Retriever(index).Search(new SearchRequest("移住者数", [IndexFields.KindPassage], ["芦別市"])));
    }

    [Fact]
    public void A_folder_of_random_files_without_a_commit_is_rebuilt()
    {
        Directory.CreateDirectory(IndexPath);
        File.WriteAllText(Path.Combine(IndexPath, "notes.txt"), "not an index");
        using SearchIndex index = NewManager().OpenOrBuild(IndexPath, CorpusKnowledge.Read(TestCorpus.Corpus));
        Assert.True(index.DocumentCount > 0);
    }

    [Fact]
    public void A_cancelled_build_leaves_the_previous_index_intact_and_no_temporary_folder()
    {
        KnowledgeBase knowledge = CorpusKnowledge.Read(TestCorpus.Corpus);
        IndexManager manager = NewManager();
        using (manager.OpenOrBuild(IndexPath, knowledge))
        {
        }

        string marker = Path.Combine(IndexPath, "marker");
        File.WriteAllText(marker, "previous");
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => manager.Build(IndexPath, knowledge, cancelled.Token));

        Assert.True(File.Exists(marker), "the previous index was not touched");
        Assert.Empty(Directory.GetDirectories(_root, "lucene.tmp-*"));
        using SearchIndex reopened = manager.OpenOrBuild(IndexPath, knowledge);
        Assert.True(File.Exists(marker));
    }

    [Fact]
    public void Leftovers_of_a_crashed_build_do_not_disturb_the_next_one()
    {
        Directory.CreateDirectory(Path.Combine(_root, "lucene.tmp-deadbeef"));
        File.WriteAllText(Path.Combine(_root, "lucene.tmp-deadbeef", "_0.cfs"), "half written");
        Directory.CreateDirectory(Path.Combine(_root, "lucene.old-deadbeef"));
        using SearchIndex index = NewManager().OpenOrBuild(IndexPath, CorpusKnowledge.Read(TestCorpus.Corpus));
        Assert.True(index.DocumentCount > 0);
        Assert.Empty(Directory.GetDirectories(_root, "lucene.old-*"));
    }

    [Fact]
    public async Task Concurrent_builds_end_with_one_complete_index()
    {
        KnowledgeBase knowledge = CorpusKnowledge.Read(TestCorpus.Corpus);
        IndexManager manager = NewManager();
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => manager.Build(IndexPath, knowledge))));
        using SearchIndex index = manager.OpenOrBuild(IndexPath, knowledge);
        Assert.True(index.DocumentCount >= knowledge.Passages.Count);
        Assert.Empty(Directory.GetDirectories(_root, "lucene.tmp-*"));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private IndexManager NewManager() => new(new CjkBigramAnalysis(), _log);

    private string CopyCorpus()
    {
        string documents = Path.Combine(_root, "documents");
        Directory.CreateDirectory(documents);
        foreach (string file in Directory.GetFiles(TestCorpus.DocumentsDirectory))
        {
            File.Copy(file, Path.Combine(documents, Path.GetFileName(file)));
        }

        return documents;
    }
}

/// <summary>A real logger that keeps what was logged, for asserting on messages.</summary>
public sealed class CollectingLogger<T> : ILogger<T>
{
    private readonly List<string> _messages = [];

    public IReadOnlyList<string> Messages
    {
        get
        {
            lock (_messages)
            {
                return [.. _messages];
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (_messages)
        {
            _messages.Add(formatter(state, exception));
        }
    }
}
