using System.Text.RegularExpressions;
using StrategyAssistant.Documents;
using StrategyAssistant.Ingestion.Formats;
using StrategyAssistant.Ingestion.Layout;
using StrategyAssistant.Ingestion.Vocabulary;

namespace StrategyAssistant.Ingestion;

/// <summary>What adding a document did: the entry written and which of its fields were inferred from the text.</summary>
public sealed record AddedDocument(DocumentInfo Entry, IReadOnlyList<string> Inferred, string Path);

/// <summary>Adds a file to the corpus: checks that its format reader can read it, infers city, title and kind from its text
/// where they are not given, copies it into the documents folder and writes the manifest entry (both atomically).</summary>
public sealed partial class DocumentAdder
{
    private readonly StrategyVocabulary _vocabulary;

    public DocumentAdder(StrategyVocabulary vocabulary)
    {
        _vocabulary = vocabulary;
    }

    /// <exception cref="IngestException">The file cannot be read; nothing was changed.</exception>
    public AddedDocument Add(string documentsPath, string file, string? city, string? kind, string? title)
    {
        string name = System.IO.Path.GetFileName(file);
        if (!File.Exists(file))
        {
            throw new IngestException(name, $"there is no file at {file}.");
        }

        byte[] bytes = File.ReadAllBytes(file);
        LayoutDocument layout = DocumentReaders.For(name).Read(new DocumentInfo(name, city ?? "?", title ?? name, kind ?? "document", string.Empty, city ?? "?"), bytes);
        var inferred = new List<string>();
        string[] head = [.. layout.Lines.Where(l => !l.IsBlank).Take(30).Select(l => l.Text)];
        if (string.IsNullOrWhiteSpace(city))
        {
            city = head.Select(l => Municipality().Match(l)).FirstOrDefault(m => m.Success)?.Value
                ?? throw new IngestException(name, "no city (市・町・村) is named in its first lines; give it with --city.");
            inferred.Add("city");
        }

        if (string.IsNullOrWhiteSpace(title))
        {
            title = head.FirstOrDefault() ?? name;
            inferred.Add("title");
        }

        if (string.IsNullOrWhiteSpace(kind))
        {
            string text = string.Join('\n', head);
            kind = _vocabulary.KindWords.FirstOrDefault(k => k.Value.Any(w => text.Contains(w, StringComparison.Ordinal))).Key ?? "strategy";
            inferred.Add("kind");
        }

        var entry = new DocumentInfo(name, city, title, kind, FiscalPeriodText(head) ?? string.Empty, city);
        Directory.CreateDirectory(documentsPath);
        string target = System.IO.Path.Combine(documentsPath, name);
        if (!string.Equals(System.IO.Path.GetFullPath(file), System.IO.Path.GetFullPath(target), StringComparison.Ordinal))
        {
            WriteAtomically(target, bytes);
        }

        string manifestPath = System.IO.Path.Combine(documentsPath, Corpus.ManifestFileName);
        byte[]? existing = File.Exists(manifestPath) ? File.ReadAllBytes(manifestPath) : null;
        WriteAtomically(manifestPath, System.Text.Encoding.UTF8.GetBytes(Manifest.With(existing, manifestPath, entry)));
        return new AddedDocument(entry, inferred, target);
    }

    private static string? FiscalPeriodText(string[] head) =>
        head.SelectMany(l => Records.FiscalYearParser.FindAll(l)).Select(m => m.Period).FirstOrDefault(p => !p.IsSingleYear)?.Text;

    private static void WriteAtomically(string path, byte[] bytes)
    {
        string temp = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(path)!, $".{System.IO.Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
        {
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, path, overwrite: true);
    }

    // A municipality's name: up to six kanji/kana before 市, 町 or 村, at the start of a word.
    [GeneratedRegex(@"[\p{IsCJKUnifiedIdeographs}ヶケノの]{1,6}?[市町村](?![民長内外議])")]
    private static partial Regex Municipality();
}
