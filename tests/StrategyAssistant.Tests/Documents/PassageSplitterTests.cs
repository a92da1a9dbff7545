using StrategyAssistant.Documents;

namespace StrategyAssistant.Tests.Documents;

public sealed class PassageSplitterTests
{
    public static TheoryData<string> Files => [.. TestCorpus.Corpus.Documents.Select(d => d.File)];

    [Theory]
    [MemberData(nameof(Files))]
    public void Passages_tile_every_line_of_the_document_exactly_once(string file)
    {
        SourceDocument document = TestCorpus.Corpus.Find(file)!;
        IReadOnlyList<Passage> passages = PassageSplitter.Split(document);

        Assert.Equal(1, passages[0].Line);
        Assert.Equal(document.LineCount, passages[^1].LineEnd);
        for (int i = 1; i < passages.Count; i++)
        {
            Assert.Equal(passages[i - 1].LineEnd + 1, passages[i].Line);
        }

        Assert.All(passages, p => Assert.True(p.Line <= p.LineEnd));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Passage_text_is_the_clean_text_of_its_own_lines(string file)
    {
        SourceDocument document = TestCorpus.Corpus.Find(file)!;
        foreach (Passage passage in PassageSplitter.Split(document))
        {
            string expected = string.Join('\n', Enumerable.Range(passage.Line, passage.LineEnd - passage.Line + 1)
                .Select(n => Markup.Strip(document.Line(n)).Trim())
                .Where(s => s.Length > 0));
            Assert.Equal(expected, passage.Text);
            Assert.DoesNotContain("<sup>", passage.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("<b>", passage.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("<p>", passage.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("**", passage.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Markup_is_removed_but_footnote_text_kept()
    {
        Assert.Equal("コミュニティ・スクールの推進", Markup.Strip("コミュニティ・スクール<sup>7</sup>の推進"));
        Assert.Equal("基本目標1 若い世代", Markup.Strip("<b>基本目標1 若い世代</b>"));
        Assert.Equal("④「星の降る里あしべつ応援団」事業の推進 本市を", Markup.Strip("<p>④「星の降る里あしべつ応援団」事業の推進</p> <p>本市を</p>").Replace("  ", " ", StringComparison.Ordinal));
        Assert.Equal("ウ 子どもたちへの教育環境の充実", Markup.Strip("**ウ 子どもたちへの教育環境の充実**"));
        Assert.Equal("改行<br>なし", "改行<br>なし".Replace("<br>", "<br>", StringComparison.Ordinal));
        Assert.Equal("改行なし", Markup.Strip("改行<br>なし"));
    }

    [Fact]
    public void Ashibetsu_KPI_row_sits_in_a_table_passage_under_its_project_heading()
    {
        SourceDocument document = TestCorpus.Document("004");
        Passage passage = PassageSplitter.Split(document).Single(p => p.Line <= 118 && p.LineEnd >= 118);

        Assert.Contains("移住者数 40人", passage.Text, StringComparison.Ordinal);
        Assert.Contains("具体的な施策\t基準値 (H30)\tKPI (R6)", passage.Text, StringComparison.Ordinal);
        Assert.Contains(passage.HeadingPath, h => h.StartsWith("基本目標", StringComparison.Ordinal));
        Assert.Contains("2. U・Iターン促進事業", passage.HeadingPath);
    }

    [Fact]
    public void Long_tables_are_chunked_and_carry_their_header_as_context()
    {
        SourceDocument document = TestCorpus.Document("001");
        IReadOnlyList<Passage> passages = PassageSplitter.Split(document);
        Passage row = passages.Single(p => p.Line <= 716 && p.LineEnd >= 716);

        Assert.Contains("子ども医療費助成事業", row.Text, StringComparison.Ordinal);
        Assert.True(row.LineEnd - row.Line < 20, "a chunk of a long table stays small");
        Assert.NotNull(row.Context);
        Assert.Contains("事業名", row.Context, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_and_blank_documents_still_tile()
    {
        var info = new DocumentInfo("x.txt", "X市", "X", "strategy", string.Empty, "X市");
        Assert.Single(PassageSplitter.Split(SourceDocument.FromText(info, "\n\n\n")));
        IReadOnlyList<Passage> passages = PassageSplitter.Split(SourceDocument.FromText(info, "基本目標1 a\n\nb\tc\n\n"));
        Assert.Equal(1, passages[0].Line);
        Assert.Equal(4, passages[^1].LineEnd);
    }
}
