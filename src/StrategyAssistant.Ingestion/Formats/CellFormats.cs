using System.Globalization;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Spreadsheet;

namespace StrategyAssistant.Ingestion.Formats;

/// <summary>Shows a sheet's number the way its cell format does, for the formats KPI sheets use: percentages (0%, 0.0%),
/// thousands separators (#,##0), fixed decimals and a quoted unit suffix (<c>#,##0"人"</c>). Other formats show the number as stored.</summary>
internal sealed partial class CellFormats
{
    private readonly List<uint> _formatIds = [];
    private readonly Dictionary<uint, string> _codes = new()
    {
        [1] = "0",
        [2] = "0.00",
        [3] = "#,##0",
        [4] = "#,##0.00",
        [9] = "0%",
        [10] = "0.00%",
    };

    public CellFormats(Stylesheet? stylesheet)
    {
        foreach (NumberingFormat format in stylesheet?.NumberingFormats?.Elements<NumberingFormat>() ?? [])
        {
            if (format.NumberFormatId?.Value is { } id && format.FormatCode?.Value is { } code)
            {
                _codes[id] = code;
            }
        }

        foreach (CellFormat format in stylesheet?.CellFormats?.Elements<CellFormat>() ?? [])
        {
            _formatIds.Add(format.NumberFormatId?.Value ?? 0);
        }
    }

    public string Display(uint styleIndex, decimal number)
    {
        uint id = styleIndex < _formatIds.Count ? _formatIds[(int)styleIndex] : 0;
        if (!_codes.TryGetValue(id, out string? code))
        {
            return number.ToString(CultureInfo.InvariantCulture);
        }

        string section = code.Split(';')[0];
        string suffix = string.Concat(Quoted().Matches(section).Select(m => m.Groups[1].Value));
        string pattern = Quoted().Replace(section, string.Empty);
        bool percent = pattern.Contains('%', StringComparison.Ordinal);
        decimal shown = percent ? number * 100 : number;
        int dot = pattern.IndexOf('.', StringComparison.Ordinal);
        int decimals = dot < 0 ? 0 : pattern[(dot + 1)..].Count(c => c is '0' or '#');
        string digits = shown.ToString((pattern.Contains(',', StringComparison.Ordinal) ? "#,0." : "0.") + new string('0', decimals), CultureInfo.InvariantCulture).TrimEnd('.');
        return digits + (percent ? "%" : string.Empty) + suffix;
    }

    [GeneratedRegex("\"([^\"]*)\"")]
    private static partial Regex Quoted();
}
