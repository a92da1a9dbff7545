using System.Text.RegularExpressions;
using StrategyAssistant.Documents;
using StrategyAssistant.Ingestion.Layout;
using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion.Interpreters;

/// <summary>A statistics table by year (区分 / 2015年 / 2016年 …) under a ○ or 【】 title: one KPI per row with its yearly series.</summary>
internal sealed class YearStatisticsTableReader(StatusKpiTableState state)
{
    private LayoutLines Document => state.Document;

    public static bool StatisticsHeader(string[] cells, out int firstYear)
    {
        firstYear = -1;
        if (cells.Length < 3 || cells[0] != "区分")
        {
            return false;
        }

        int years = 0;
        for (int i = 1; i < cells.Length; i++)
        {
            if (CellValue.HeaderYear(cells[i]) is not null)
            {
                years++;
                if (firstYear < 0)
                {
                    firstYear = i;
                }
            }
        }

        return years >= 2;
    }

    public int ReadStatistics(int headerLine, string[] header, int firstYear)
    {
        string? title = null;
        for (int back = headerLine - 1; back >= Math.Max(1, headerLine - 4); back--)
        {
            string t = CellText.Clean(Document.Line(back));
            if (t.StartsWith('○') || t.StartsWith('【'))
            {
                title = StatusKpiPatterns.BracketNote().Replace(t.TrimStart('○').Trim(), string.Empty).Trim();
                break;
            }
        }

        var columns = new List<(int Index, FiscalPeriod Year)>();
        for (int i = firstYear; i < header.Length; i++)
        {
            if (CellValue.HeaderYear(header[i]) is { } y)
            {
                columns.Add((i, y));
            }
        }

        string? group = null;
        int n = headerLine + 1;
        for (; n <= Document.LineCount; n++)
        {
            string[] cells = CellText.Cells(Document.Line(n));
            if (cells.All(c => c.Length == 0) || cells.Length <= firstYear)
            {
                break;
            }

            string[] labels = cells[..firstYear];
            string? label = labels.LastOrDefault(l => l.Length > 0);
            if (label is null)
            {
                continue;
            }

            if (firstYear >= 2)
            {
                if (labels[0].Length > 0 && labels[^1].Length > 0)
                {
                    group = labels[0];
                }
                else if (labels[0].Length > 0)
                {
                    group = null;
                }
            }

            Citation cite = Document.Cite(n);
            var series = new List<YearlyValue>();
            foreach ((int index, FiscalPeriod year) in columns)
            {
                if (index < cells.Length && cells[index].Length > 0)
                {
                    series.Add(new YearlyValue(year.Start, null, CellValue.Value(cells[index], cite, year)));
                }
            }

            if (series.Count == 0)
            {
                continue;
            }

            string name = CellText.IndicatorName(label);
            if (title is not null && StatusKpiPatterns.PlaceName().IsMatch(name))
            {
                int of = title.LastIndexOf('の');
                name = $"{(of >= 0 ? title[(of + 1)..] : title)} ({name})";
            }

            KpiValue? latest = series.LastOrDefault(s => s.Actual?.Number is not null)?.Actual ?? series[^1].Actual;
            state.Kpis.Add(new KpiRecord
            {
                Id = $"{Document.File}:{n}",
                City = Document.City,
                Source = cite,
                Measure = group is null ? null : new Measure(null, CellText.IndicatorName(group)),
                Indicator = name,
                Unit = latest?.Unit,
                Actual = latest,
                Series = series,
                Note = title,
                RelatedSources = [Document.Cite(headerLine)],
            });
        }

        return n;
    }
}
