using StrategyAssistant.Documents;
using StrategyAssistant.Ingestion.Layout;

namespace StrategyAssistant.Ingestion.Formats;

/// <summary>Reads one file format into the layout model. A new format is one implementation registered in <see cref="DocumentReaders"/>.</summary>
public interface IDocumentReader
{
    /// <summary>The format's short name (text, pdf, xlsx), kept on the layout document.</summary>
    string Format { get; }

    /// <summary>True when the file's extension is this reader's.</summary>
    bool Handles(string fileName);

    /// <summary>Reads the document; throws <see cref="IngestException"/> with a clear message when it cannot.</summary>
    LayoutDocument Read(DocumentInfo info, byte[] bytes);
}

/// <summary>The registry of format readers.</summary>
public static class DocumentReaders
{
    public static IReadOnlyList<IDocumentReader> All { get; } = [new PdfDocumentReader(), new XlsxDocumentReader(), new TextDocumentReader()];

    public static IDocumentReader For(string fileName) =>
        All.FirstOrDefault(r => r.Handles(fileName)) ?? All[^1];
}
