using StrategyAssistant.Documents;

namespace StrategyAssistant;

/// <summary>Where serving gets its knowledge from: the ingestion stage (StrategyAssistant.Ingestion, registered by the hosts
/// with AddStrategyAssistantIngestion) reads every format into a persisted snapshot and serves from it.</summary>
public interface IKnowledgeSource
{
    /// <summary>The knowledge of the corpus in <paramref name="documentsPath"/>; <paramref name="indexPath"/> is where generated
    /// files live. Throws <see cref="CorpusException"/> with a one-line message when the corpus cannot be used at all.</summary>
    KnowledgeBase Load(string documentsPath, string indexPath, CancellationToken cancellationToken = default);
}
