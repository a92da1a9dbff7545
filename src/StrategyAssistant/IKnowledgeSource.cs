using StrategyAssistant.Documents;

namespace StrategyAssistant;

/// <summary>Where serving gets its knowledge from. The core's own source reads the text corpus with the built-in extractors;
/// the ingestion stage (StrategyAssistant.Ingestion, registered by the hosts) reads every format into a persisted snapshot
/// and serves from it without running extractors.</summary>
public interface IKnowledgeSource
{
    /// <summary>The knowledge of the corpus in <paramref name="documentsPath"/>; <paramref name="indexPath"/> is where generated
    /// files live. Throws <see cref="CorpusException"/> with a one-line message when the corpus cannot be used at all.</summary>
    KnowledgeBase Load(string documentsPath, string indexPath, CancellationToken cancellationToken = default);
}

/// <summary>The text corpus read with the built-in extractors, in memory.</summary>
public sealed class TextCorpusKnowledgeSource : IKnowledgeSource
{
    public KnowledgeBase Load(string documentsPath, string indexPath, CancellationToken cancellationToken = default) =>
        KnowledgeBase.Create(Corpus.Load(documentsPath));
}
