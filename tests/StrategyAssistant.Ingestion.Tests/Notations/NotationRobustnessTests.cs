using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StrategyAssistant.Documents;
using StrategyAssistant.Ingestion;
using StrategyAssistant.Ingestion.Interpreters;
using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion.Tests.Notations;

public class ExtractorRobustnessTests
{
    private static readonly INotationInterpreter[] s_extractors = [new AssessmentSheetInterpreter(), new KpiArrowBlockInterpreter(), new BudgetListInterpreter()];

    public static TheoryData<string, string, bool> Layouts => new()
    {
        { "evaluation-sheet", "000", true },
        { "evaluation-sheet", "001", false },
        { "evaluation-sheet", "002", false },
        { "evaluation-sheet", "003", false },
        { "evaluation-sheet", "004", false },
        { "strategy-kpi", "000", false },
        { "strategy-kpi", "001", true },
        { "strategy-kpi", "002", false },
        { "strategy-kpi", "003", false },
        { "strategy-kpi", "004", false },
        { "project-list", "000", false },
        { "project-list", "001", true },
        { "project-list", "002", false },
        { "project-list", "003", false },
        { "project-list", "004", false },
    };

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Extractors_claim_only_their_layout(string extractor, string document, bool expected) =>
        Assert.Equal(expected, s_extractors.Single(x => x.Name == extractor).CanRead(TestCorpus.Document(document)));

    [Fact]
    public void Registered_in_the_default_reader()
    {
        Assert.Contains(NotationInterpreters.All, x => x is AssessmentSheetInterpreter);
        Assert.Contains(NotationInterpreters.All, x => x is KpiArrowBlockInterpreter);
        Assert.Contains(NotationInterpreters.All, x => x is BudgetListInterpreter);
        Assert.Contains(NotationInterpreters.Linkers, x => x is EvaluationStrategyLinker);
    }

    [Fact]
    public void Another_city_with_the_same_layout_is_read_by_content()
    {
        // The same text under another file name and city: the readers decide by content, never by file name.
        SourceDocument original = TestCorpus.Document("000");
        var info = new DocumentInfo("999_other.txt", "どこか市", "施策評価", "evaluation-sheet", string.Empty, "どこか市");
        var copy = new SourceDocument(info, original.Lines);
        var extractor = new AssessmentSheetInterpreter();
        Assert.True(extractor.CanRead(copy));
        RecordSet records = extractor.Extract(copy);
        Assert.Equal(30, records.Kpis.Count);
        Assert.All(records.Kpis, k => Assert.Equal("どこか市", k.City));
        Assert.All(records.Kpis, k => Assert.Equal("999_other.txt", k.Source.File));
    }

    [Fact]
    public void Empty_documents_give_no_records()
    {
        foreach (string[] lines in new[] { Array.Empty<string>(), [string.Empty], ["\t\t\t"], ["基本目標1"], ["小計1\t1\t0\t5"] })
        {
            SourceDocument document = Make(lines);
            foreach (INotationInterpreter x in s_extractors)
            {
                Assert.False(x.CanRead(document));
                RecordSet records = x.Extract(document);
                Assert.Empty(records.Kpis);
                Assert.Empty(records.Projects);
            }
        }

        Assert.Same(RecordSet.Empty, new EvaluationStrategyLinker().Link(RecordSet.Empty));
    }

    [Fact]
    public void No_extractor_throws_on_any_document()
    {
        foreach (SourceDocument document in TestCorpus.Corpus.Documents)
        {
            foreach (INotationInterpreter x in s_extractors)
            {
                _ = x.CanRead(document);
                _ = x.Extract(document);
            }
        }
    }

    [Property(MaxTest = 60)]
    public Property No_extractor_throws_on_truncated_or_shuffled_documents() =>
        Prop.ForAll(
            (from index in Gen.Choose(0, 4)
             from start in Gen.Choose(0, 1200)
             from length in Gen.Choose(0, 1200)
             from mode in Gen.Choose(0, 2)
             select (index, start, length, mode)).ToArbitrary(),
            ((int Index, int Start, int Length, int Mode) c) =>
            {
                (int index, int start, int length, int mode) = c;
                SourceDocument original = TestCorpus.Corpus.Documents[index];
                List<string> lines = [.. original.Lines];
                int from = Math.Min(start, lines.Count);
                int count = Math.Min(length, lines.Count - from);
                List<string> part = lines.GetRange(from, count);
                if (mode == 1)
                {
                    var random = new Random(start * 31 + length);
                    part = [.. part.OrderBy(_ => random.Next())];
                }
                else if (mode == 2 && part.Count > 0)
                {
                    // Cut the last line in the middle too.
                    string last = part[^1];
                    part[^1] = last[..(last.Length / 2)];
                }

                SourceDocument document = Make([.. part], original.Info);
                RecordSet all = RecordSet.Empty;
                foreach (INotationInterpreter x in s_extractors)
                {
                    _ = x.CanRead(document);
                    all = all.Concat(x.Extract(document));
                }

                RecordSet linked = new EvaluationStrategyLinker().Link(all.Concat(CorpusKnowledge.ReadRecords([TestCorpus.Document("001")])));
                return linked.Kpis.All(k => k.Source.Line >= 1) && all.Projects.All(p => p.Source.LineEnd <= document.LineCount);
            });

    [Property(MaxTest = 200)]
    public bool No_extractor_throws_on_arbitrary_lines(string[]? lines)
    {
        SourceDocument document = Make([.. (lines ?? []).Select(l => (l ?? string.Empty).Replace('\n', ' ').Replace('\r', ' '))]);
        foreach (INotationInterpreter x in s_extractors)
        {
            _ = x.CanRead(document);
            _ = x.Extract(document);
        }

        return true;
    }

    private static SourceDocument Make(string[] lines, DocumentInfo? info = null) =>
        new(info ?? new DocumentInfo("test.txt", "旭川市", "test", "document", string.Empty, "旭川市"), lines);
}
