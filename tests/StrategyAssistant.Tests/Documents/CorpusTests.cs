using System.Text;
using StrategyAssistant.Documents;

namespace StrategyAssistant.Tests.Documents;

public sealed class CorpusTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sa-corpus-").FullName;

    [Fact]
    public void The_bundled_corpus_has_five_documents_of_four_cities_with_exact_line_counts()
    {
        Corpus corpus = TestCorpus.Corpus;
        Assert.Equal(5, corpus.Documents.Count);
        Assert.Equal(["旭川市", "砂川市", "岩見沢市", "芦別市"], corpus.Cities);
        Assert.Equal(117, TestCorpus.Document("000").LineCount);
        Assert.Equal(990, TestCorpus.Document("001").LineCount);
        Assert.Equal(283, TestCorpus.Document("004").LineCount);
        Assert.StartsWith("移住者数 16人", TestCorpus.Document("004").Line(118).Split('\t')[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Content_hash_changes_with_a_document()
    {
        WriteCorpus("基本目標1 テスト\n");
        string before = Corpus.Load(_folder).ContentHash;
        File.AppendAllText(Path.Combine(_folder, "a.txt"), "追加\n");
        Assert.NotEqual(before, Corpus.Load(_folder).ContentHash);
    }

    [Fact]
    public void Broken_manifest_json_gives_a_clear_message()
    {
        File.WriteAllText(Path.Combine(_folder, "manifest.json"), "{ \"documents\": [ {\"file\": ");
        var ex = Assert.Throws<CorpusException>(() => Corpus.Load(_folder));
        Assert.Contains("not valid JSON", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_document_and_missing_manifest_are_named()
    {
        Assert.Contains("manifest.json", Assert.Throws<CorpusException>(() => Corpus.Load(_folder)).Message, StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(_folder, "manifest.json"), "{\"documents\":[{\"file\":\"gone.txt\",\"city\":\"X市\"}]}");
        Assert.Contains("gone.txt", Assert.Throws<CorpusException>(() => Corpus.Load(_folder)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Path_traversal_in_the_manifest_is_refused()
    {
        File.WriteAllText(Path.Combine(_folder, "manifest.json"), "{\"documents\":[{\"file\":\"../etc/passwd\",\"city\":\"X市\"}]}");
        Assert.Throws<CorpusException>(() => Corpus.Load(_folder));
    }

    [Fact]
    public void Invalid_utf8_document_is_refused_with_its_name()
    {
        WriteCorpus("ok");
        File.WriteAllBytes(Path.Combine(_folder, "a.txt"), [0xE6, 0x97, 0xFF, 0x0A]);
        Assert.Contains("a.txt", Assert.Throws<CorpusException>(() => Corpus.Load(_folder)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Line_numbers_match_sed_including_crlf_and_no_final_newline()
    {
        var info = new DocumentInfo("a.txt", "X市", "X", "strategy", string.Empty, "X市");
        SourceDocument document = SourceDocument.FromText(info, "一\r\n\r\n三");
        Assert.Equal(3, document.LineCount);
        Assert.Equal("三", document.Line(3));
        Assert.Equal(string.Empty, document.Line(2));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private void WriteCorpus(string text)
    {
        File.WriteAllText(Path.Combine(_folder, "manifest.json"), "{\"documents\":[{\"file\":\"a.txt\",\"city\":\"X市\",\"title\":\"X市総合戦略\"}]}");
        File.WriteAllText(Path.Combine(_folder, "a.txt"), text, new UTF8Encoding(false));
    }
}
