using System.Text;

namespace StrategyAssistant.Japanese.Util;

/// <summary>Quote-aware CSV splitting as used for IPADIC and Kuromoji user dictionaries.</summary>
public static class CsvUtil
{
    /// <summary>
    /// Splits one line on commas outside double quotes; a quoted field has its quotes removed and doubled quotes unescaped.
    /// </summary>
    public static string[] Parse(string line)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
        bool inQuotes = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (i + 1 < line.Length && line[i + 1] == '"')
                    {
                        current.Append('"');
                        i++;
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"' && current.Length == 0)
            {
                inQuotes = true;
            }
            else if (c == ',')
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return [.. fields];
    }

    /// <summary>Quotes a value when it contains a comma or a double quote.</summary>
    public static string QuoteEscape(string value)
    {
        if (value.Contains(',', StringComparison.Ordinal) || value.Contains('"', StringComparison.Ordinal))
        {
            return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        }

        return value;
    }
}
