using FsCheck.Xunit;
using StrategyAssistant.Documents;
using StrategyAssistant.Ingestion.Interpreters;
using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion.Tests.Notations;

/// <summary>Which layouts each extractor claims, and that no extractor throws on any document, a truncated, sliced or
/// shuffled one, random text, or nothing.</summary>
public class TableLayoutRobustnessTests
{
    private static readonly INotationInterpreter[] s_layouts = [new YearColumnProgressInterpreter(), new MeasureKpiTableInterpreter(), new StatusKpiTableInterpreter()];

    private static IEnumerable<INotationInterpreter> All => NotationInterpreters.All;

    private static IReadOnlyList<SourceDocument> Documents => TestCorpus.Corpus.Documents;

    [Theory]
    [InlineData("progress-table", "002")]
    [InlineData("measure-table", "004")]
    [InlineData("committee-slides", "003")]
    public void Layout_extractor_claims_only_its_layout(string name, string prefix)
    {
        INotationInterpreter extractor = s_layouts.Single(x => x.Name == name);
        Assert.Equal(5, Documents.Count);
        foreach (SourceDocument document in Documents)
        {
            Assert.Equal(document.File.StartsWith(prefix, StringComparison.Ordinal), extractor.CanRead(document));
        }
    }

    [Fact]
    public void Every_extractor_reads_every_document_without_throwing_and_cites_inside_it()
    {
        foreach (INotationInterpreter extractor in All)
        {
            foreach (SourceDocument document in Documents)
            {
                AssertWellFormed(document, extractor.Extract(document));
            }
        }
    }

    [Fact]
    public void Empty_and_blank_documents_yield_nothing()
    {
        foreach (INotationInterpreter extractor in All)
        {
            foreach (string[] lines in new[] { Array.Empty<string>(), [string.Empty], ["\t\t", " ", "\t"] })
            {
                SourceDocument document = RecordTestSupport.WithLines("002", lines);
                Assert.False(extractor.CanRead(document));
                RecordSet set = extractor.Extract(document);
                Assert.Empty(set.Kpis);
                Assert.Empty(set.Projects);
            }
        }
    }

    [Property(MaxTest = 40)]
    public void Truncated_documents_never_throw(int which, int cut)
    {
        SourceDocument original = Documents[Math.Abs(which % Documents.Count)];
        int keep = Math.Abs(cut % (original.LineCount + 1));
        Check(RecordTestSupport.WithLines(original.File[..3], original.Lines.Take(keep)));
    }

    [Property(MaxTest = 40)]
    public void Slices_of_documents_never_throw(int which, int start, int length)
    {
        SourceDocument original = Documents[Math.Abs(which % Documents.Count)];
        int from = Math.Abs(start % Math.Max(1, original.LineCount));
        Check(RecordTestSupport.WithLines(original.File[..3], original.Lines.Skip(from).Take(Math.Abs(length % 80))));
    }

    [Property(MaxTest = 40)]
    public void Shuffled_documents_never_throw(int which, int seed)
    {
        SourceDocument original = Documents[Math.Abs(which % Documents.Count)];
        var random = new Random(seed);
        string[] lines = [.. original.Lines];
        random.Shuffle(lines);
        Check(RecordTestSupport.WithLines(original.File[..3], lines));
    }

    [Property(MaxTest = 40)]
    public void Lines_cut_mid_cell_never_throw(int which, int seed)
    {
        SourceDocument original = Documents[Math.Abs(which % Documents.Count)];
        var random = new Random(seed);
        string[] lines = [.. original.Lines.Select(l => l.Length == 0 ? l : l[..random.Next(l.Length + 1)])];
        Check(RecordTestSupport.WithLines(original.File[..3], lines));
    }

    [Property(MaxTest = 100)]
    public void Random_text_never_throws(string[]? lines)
    {
        Check(RecordTestSupport.WithLines("003", (lines ?? []).Select(l => l ?? string.Empty).SelectMany(l => l.Split('\n'))));
    }

    private static void Check(SourceDocument document)
    {
        foreach (INotationInterpreter extractor in All)
        {
            _ = extractor.CanRead(document);
            AssertWellFormed(document, extractor.Extract(document));
        }
    }

    private static void AssertWellFormed(SourceDocument document, RecordSet set)
    {
        IEnumerable<Citation> citations = set.Kpis.SelectMany(k => k.AllSources())
            .Concat(set.Kpis.SelectMany(k => k.Series).SelectMany(s => new[] { s.Target?.Source, s.Actual?.Source }).OfType<Citation>())
            .Concat(set.Projects.Select(p => p.Source))
            .Concat(set.Notes.SelectMany(n => n.Sources));
        foreach (Citation c in citations)
        {
            Assert.Equal(document.File, c.File);
            Assert.InRange(c.Line, 1, document.LineCount);
            Assert.InRange(c.LineEnd, c.Line, document.LineCount);
        }

        Assert.Equal(set.Kpis.Count, set.Kpis.Select(k => k.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(set.Projects.Count, set.Projects.Select(p => p.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(set.Kpis, k => Assert.False(string.IsNullOrWhiteSpace(k.Indicator)));
        Assert.All(set.Projects, p => Assert.False(string.IsNullOrWhiteSpace(p.Name)));
    }
}
