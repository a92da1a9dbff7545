using System.Text;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace StrategyAssistant.Ingestion.Tests.Synthetic;

/// <summary>Files a city's staff might drop in by mistake.</summary>
public static class BadFiles
{
    /// <summary>A page with drawings and no text layer, as a scan without OCR is.</summary>
    public static byte[] PdfWithoutText()
    {
        var builder = new PdfDocumentBuilder();
        PdfPageBuilder page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        page.DrawRectangle(new PdfPoint(50, 50), 300, 200);
        return builder.Build();
    }

    /// <summary>A PDF whose trailer names a standard security handler with a user password that is not empty.</summary>
    public static byte[] EncryptedPdf()
    {
        string pdf = Encoding.Latin1.GetString(PdfWithoutText());
        int trailer = pdf.LastIndexOf("trailer", StringComparison.Ordinal);
        int dict = pdf.IndexOf("<<", trailer, StringComparison.Ordinal);
        string o = new('A', 64);
        string u = new('B', 64);
        string encrypt = $"/Encrypt << /Filter /Standard /V 1 /R 2 /Length 40 /O <{o}> /U <{u}> /P -44 >> /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>] ";
        return Encoding.Latin1.GetBytes(pdf.Insert(dict + 2, " " + encrypt));
    }
}
