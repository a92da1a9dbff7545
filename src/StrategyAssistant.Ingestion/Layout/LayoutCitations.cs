using StrategyAssistant.Documents;
using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion.Layout;

/// <summary>Gives the records a line-based reader made (the built-in extractors) the layout's places: the PDF page and line
/// on it for every citation, and for a sheet the cell that holds each value (else the line's first cell).</summary>
public static class LayoutCitations
{
    public static RecordSet Apply(RecordSet records, LayoutDocument layout)
    {
        if (layout.Format is not ("pdf" or "xlsx"))
        {
            return records;
        }

        Citation Place(Citation c, string? text = null)
        {
            if (!string.Equals(c.File, layout.Info.File, StringComparison.Ordinal) || c.Line < 1 || c.Line > layout.Lines.Count)
            {
                return c;
            }

            LayoutLine line = layout.Line(c.Line);
            if (layout.Format == "pdf")
            {
                return c with { Page = line.Page, PageLine = line.PageLine };
            }

            LayoutCell? cell = (text is null ? null : line.Cells.FirstOrDefault(x => x.Text.Length > 0 && x.Text == text.Trim()))
                ?? line.Cells.FirstOrDefault(x => x.Text.Length > 0);
            return c with { Cell = c.Cell ?? cell?.Address };
        }

        KpiValue? Value(KpiValue? v) => v is null ? null : v with { Source = Place(v.Source, v.Text), PeriodSource = v.PeriodSource is null ? null : Place(v.PeriodSource) };

        var kpis = records.Kpis.Select(k => k with
        {
            Source = Place(k.Source),
            Baseline = Value(k.Baseline),
            Target = Value(k.Target),
            Actual = Value(k.Actual),
            Series = [.. k.Series.Select(s => s with { Target = Value(s.Target), Actual = Value(s.Actual) })],
            RelatedSources = [.. k.RelatedSources.Select(c => Place(c))],
        }).ToList();
        var projects = records.Projects.Select(p => p with { Source = Place(p.Source) }).ToList();
        var notes = records.Notes.Select(n => n with { Sources = [.. n.Sources.Select(c => Place(c))] }).ToList();
        var totals = records.Totals.Select(t => t with { Source = Place(t.Source) }).ToList();
        return new RecordSet(kpis, projects, notes) { Totals = totals };
    }
}
