using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StrategyAssistant.Documents;

namespace StrategyAssistant.Search;

/// <summary>The loaded corpus with its open index: what answering works on.</summary>
public sealed class CorpusIndex : IDisposable
{
    public CorpusIndex(KnowledgeBase knowledge, SearchIndex index)
    {
        Knowledge = knowledge;
        Index = index;
        Retriever = new Retriever(index);
    }

    public KnowledgeBase Knowledge { get; }

    public SearchIndex Index { get; }

    public Retriever Retriever { get; }

    /// <summary>The analysed terms of a corpus text (a record's name, a measure's title), computed once per index.</summary>
    public HashSet<string> TermsOf(string text) =>
        _terms.GetOrAdd(text, t => new HashSet<string>(QueryTerms.Analyze(Index.Analyzer, IndexFields.Text, t, int.MaxValue), StringComparer.Ordinal));

    public void Dispose() => Index.Dispose();

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, HashSet<string>> _terms = new(StringComparer.Ordinal);
}

/// <summary>Loads the corpus and opens (or builds) its index once, on first use, for the whole process.</summary>
public sealed class CorpusIndexProvider : IDisposable
{
    private readonly IOptions<StrategyAssistantOptions> _options;
    private readonly IndexManager _indexManager;
    private readonly ILogger<CorpusIndexProvider> _logger;
    private readonly IKnowledgeSource _source;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private CorpusIndex? _current;
    private KnowledgeBase? _knowledge;

    /// <param name="options">Paths.</param>
    /// <param name="indexManager">Builds and opens the index.</param>
    /// <param name="logger">Log.</param>
    /// <param name="source">Where knowledge comes from (a host registers the ingestion stage's snapshot source).</param>
    public CorpusIndexProvider(IOptions<StrategyAssistantOptions> options, IndexManager indexManager, ILogger<CorpusIndexProvider> logger, IKnowledgeSource? source = null)
    {
        _source = source ?? throw new InvalidOperationException(
            "No knowledge source is registered: call services.AddStrategyAssistantIngestion(configuration) after AddStrategyAssistant.");
        _options = options;
        _indexManager = indexManager;
        _logger = logger;
    }

    /// <summary>True once the corpus is loaded and its index open (readiness).</summary>
    public bool IsLoaded => _current is not null;

    /// <summary>The corpus index, loading it on first call. Throws <see cref="CorpusException"/> when the documents cannot be read.</summary>
    public async Task<CorpusIndex> GetAsync(CancellationToken cancellationToken = default)
    {
        if (_current is { } current)
        {
            return current;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_current is null)
            {
                (string documents, string indexPath) = Paths();
                KnowledgeBase knowledge = _knowledge ?? LoadKnowledge(documents, indexPath, cancellationToken);
                _current = new CorpusIndex(knowledge, _indexManager.OpenOrBuild(indexPath, knowledge, cancellationToken));
            }

            return _current;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The knowledge alone, for a command that needs no search (<c>records export</c>): the open index's when it is
    /// loaded, else read once (from the snapshot when it is current) without opening or building the index.</summary>
    public async Task<KnowledgeBase> GetKnowledgeAsync(CancellationToken cancellationToken = default)
    {
        if (_current is { } current)
        {
            return current.Knowledge;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } loaded)
            {
                return loaded.Knowledge;
            }

            (string documents, string indexPath) = Paths();
            return _knowledge ??= LoadKnowledge(documents, indexPath, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Rebuilds the index from the documents now, and serves the new one from then on.</summary>
    public Task<IndexBuildResult> RebuildAsync(CancellationToken cancellationToken = default) =>
        ReloadAsync(_indexManager.Build, cancellationToken);

    /// <summary>Reads the documents again (only the changed ones, when the knowledge source can) and brings the index up to
    /// them in place by file terms where it can, then serves the result.</summary>
    public Task<IndexBuildResult> RefreshAsync(CancellationToken cancellationToken = default) =>
        ReloadAsync(_indexManager.Update, cancellationToken);

    /// <summary>Reads the knowledge again, brings the index to it with <paramref name="write"/> (a full build or an update in
    /// place) and serves the result; the index being replaced is closed first.</summary>
    private async Task<IndexBuildResult> ReloadAsync(Func<string, KnowledgeBase, CancellationToken, IndexBuildResult> write, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            (string documents, string indexPath) = Paths();
            KnowledgeBase knowledge = LoadKnowledge(documents, indexPath, cancellationToken);
            _current?.Dispose();
            _current = null;
            _knowledge = null;
            IndexBuildResult result = write(indexPath, knowledge, cancellationToken);
            _current = new CorpusIndex(knowledge, _indexManager.OpenOrBuild(indexPath, knowledge, cancellationToken));
            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _current?.Dispose();
        _gate.Dispose();
    }

    private (string Documents, string Index) Paths()
    {
        string documents = _options.Value.ResolveDocumentsPath();
        return (documents, _options.Value.ResolveIndexPath(documents));
    }

    private KnowledgeBase LoadKnowledge(string documents, string indexPath, CancellationToken cancellationToken)
    {
        KnowledgeBase knowledge = _source.Load(documents, indexPath, cancellationToken);
        Corpus corpus = knowledge.Corpus;
        foreach (string problem in knowledge.Problems)
        {
            _logger.LogWarning("{Problem}", problem);
        }

        _logger.LogInformation("Read {Documents} documents from {Path}: {Passages} passages, {Kpis} KPIs, {Projects} projects, {Notes} data-quality notes.",
            corpus.Documents.Count, documents, knowledge.PassageCount, knowledge.KpiCount, knowledge.ProjectCount, knowledge.NoteCount);
        return knowledge;
    }
}
