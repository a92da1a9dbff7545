using Lucene.Net.Analysis;
using StrategyAssistant.Documents;
using StrategyAssistant.Search;

namespace StrategyAssistant.Answering;

/// <summary>What every answer part shares: the knowledge, the analyzer, the ranker and its thresholds.</summary>
internal sealed class ComposerContext
{
    public ComposerContext(KnowledgeBase knowledge, Analyzer analyzer, AnswerRanker ranker, int maxPassages)
    {
        Knowledge = knowledge;
        Analyzer = analyzer;
        Ranker = ranker;
        MaxPassages = maxPassages;
    }

    public KnowledgeBase Knowledge { get; }

    public Analyzer Analyzer { get; }

    public AnswerRanker Ranker { get; }

    public int MaxPassages { get; }

    public double RecordCoverage => Ranker.Options.RecordCoverage;

    public double PassageCoverage => Ranker.Options.PassageCoverage;

    public double AbsentTopicShare => Ranker.Options.AbsentTopicShare;

    public int MaxRecords => Ranker.Options.MaxRecords;

    /// <summary>The line of <paramref name="file"/> between <paramref name="from"/> and <paramref name="to"/> that holds
    /// <paramref name="text"/> whole (the nearest to <paramref name="to"/>), with its text, from the passages' own lines.</summary>
    public (int Line, string Text)? LineHolding(string file, int from, int to, string text)
    {
        string wanted = text.Trim();
        if (wanted.Length == 0)
        {
            return null;
        }

        (int, string)? nearest = null;
        foreach (Passage passage in Knowledge.PassagesIn(file))
        {
            if (passage.LineEnd < from || passage.Line > to)
            {
                continue;
            }

            foreach ((int n, string line) in passage.NumberedLines())
            {
                if (n >= from && n <= to && line.Contains(wanted, StringComparison.Ordinal))
                {
                    nearest = (n, line);
                }
            }
        }

        return nearest;
    }

    /// <summary>The passage that follows <paramref name="passage"/> in its document, or null.</summary>
    public Passage? NextPassage(Passage passage)
    {
        return Knowledge.PassagesIn(passage.File).FirstOrDefault(p => p.Line == passage.LineEnd + 1);
    }

    public double TopicCoverage(string topic, string text)
    {
        IReadOnlyList<string> wanted = QueryTerms.Analyze(Analyzer, IndexFields.Text, topic);
        if (wanted.Count == 0)
        {
            return 0;
        }

        var present = new HashSet<string>(QueryTerms.Analyze(Analyzer, IndexFields.Text, text, int.MaxValue), StringComparer.Ordinal);
        var content = wanted.Where(IsContent).ToList();
        return content.Count == 0 ? 0 : (double)content.Count(present.Contains) / content.Count;
    }

    private static bool IsContent(string term) => term.Any(c => c is < '\u3041' or > '\u309F');
}
