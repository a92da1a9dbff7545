using Lucene.Net.Index;
using Lucene.Net.Util;

namespace StrategyAssistant.Search;

/// <summary>The entries a search keeps to: these kinds and these cities (any when a list is empty).</summary>
public sealed record EntryScope(IReadOnlyList<string> Kinds, IReadOnlyList<string> Cities)
{
    public static readonly EntryScope Any = new([], []);

    public bool IsAny => Kinds.Count == 0 && Cities.Count == 0;

    internal string Key => string.Join('\u0001', Kinds) + '\u0002' + string.Join('\u0001', Cities);
}

/// <summary>The entries of a scope as one bit set per segment (live entries only), with how many there are.</summary>
internal sealed record ScopedEntries(FixedBitSet[] Segments, int Count);

/// <summary>Builds and keeps the bit sets of the scopes searched. The reader never changes, and the scopes asked are few (a
/// kind, or a kind and a city), so each is read from the postings once. Bounded so endless new scopes do not grow it without end.</summary>
internal sealed class ScopeCache(IndexReader reader)
{
    private const int MaxScopes = 128;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, ScopedEntries> _scopes = new(StringComparer.Ordinal);

    public ScopedEntries For(EntryScope scope)
    {
        string key = scope.Key;
        if (_scopes.TryGetValue(key, out ScopedEntries? entries))
        {
            return entries;
        }

        if (_scopes.Count >= MaxScopes)
        {
            _scopes.Clear();
        }

        return _scopes.GetOrAdd(key, _ => Build(scope));
    }

    private ScopedEntries Build(EntryScope scope)
    {
        IList<AtomicReaderContext> leaves = reader.Leaves;
        var segments = new FixedBitSet[leaves.Count];
        int count = 0;
        foreach (AtomicReaderContext leaf in leaves)
        {
            AtomicReader segment = leaf.AtomicReader;
            var bits = new FixedBitSet(segment.MaxDoc);
            if (scope.Kinds.Count == 0 && scope.Cities.Count == 0)
            {
                bits.Set(0, segment.MaxDoc);
            }
            else
            {
                Restrict(bits, segment, IndexFields.Kind, scope.Kinds, first: true);
                Restrict(bits, segment, IndexFields.City, scope.Cities, first: scope.Kinds.Count == 0);
            }

            if (segment.LiveDocs is { } live)
            {
                for (int doc = 0; doc < segment.MaxDoc; doc++)
                {
                    if (!live.Get(doc))
                    {
                        bits.Clear(doc);
                    }
                }
            }

            segments[leaf.Ord] = bits;
            count += bits.Cardinality;
        }

        return new ScopedEntries(segments, count);
    }

    /// <summary>Keeps in <paramref name="bits"/> the entries whose <paramref name="field"/> is one of <paramref name="values"/>
    /// (sets them when this is the <paramref name="first"/> restriction, else intersects).</summary>
    private static void Restrict(FixedBitSet bits, AtomicReader segment, string field, IReadOnlyList<string> values, bool first)
    {
        if (values.Count == 0)
        {
            return;
        }

        FixedBitSet target = first ? bits : new FixedBitSet(segment.MaxDoc);
        foreach (string value in values)
        {
            if (segment.GetTermDocsEnum(new Term(field, value)) is not { } docs)
            {
                continue;
            }

            for (int doc = docs.NextDoc(); doc != Lucene.Net.Search.DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc())
            {
                target.Set(doc);
            }
        }

        if (!first)
        {
            bits.And(target);
        }
    }
}
