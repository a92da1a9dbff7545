using StrategyAssistant.Documents;

namespace StrategyAssistant.Records;

/// <summary>Gives every citation of the records its place in the original file (<see cref="SourceLocation"/>): for a PDF
/// the page and the line on it where the lines start and end; for a sheet the cell that holds the value cited (a
/// baseline's, a budget's, a department's own cell), else the cells the cited lines span. Citations of text documents,
/// and places already given, are kept. Runs per document after reading and over the corpus after the provenance pass.</summary>
public static class CitationPlaces
{
    public static RecordSet Apply(SourceDocument document, RecordSet records) =>
        document.Locations is null ? records : Apply(file => file == document.File ? document : null, records);

    public static RecordSet Apply(Corpus corpus, RecordSet records) =>
        corpus.Documents.Any(d => d.Locations is not null) ? Apply(corpus.Find, records) : records;

    private static RecordSet Apply(Func<string, SourceDocument?> find, RecordSet records) => Map(records, (citation, text) =>
        find(citation.File) is { Locations: not null } document ? Place(document, citation, text) : citation);

    /// <summary><paramref name="citation"/> placed in <paramref name="document"/>; for a sheet, the cell of its lines whose
    /// text is <paramref name="text"/> when the citation names no single cell yet.</summary>
    public static Citation Place(SourceDocument document, Citation citation, string? text = null)
    {
        Citation placed = SourceLocation.Place(citation, document.Location);
        if (text is not { Length: > 0 } || IsSingleCell(citation.Cell))
        {
            return placed;
        }

        string wanted = text.Trim();
        foreach (Func<string, bool> matches in new Func<string, bool>[] { c => c == wanted, c => c.Contains(wanted, StringComparison.Ordinal) })
        {
            for (int n = Math.Max(1, citation.Line); n <= Math.Min(citation.LineEnd, document.LineCount); n++)
            {
                if (document.Location(n) is not { Sheet: { } sheet, Row: { } row })
                {
                    continue;
                }

                string[] cells = document.Line(n).Split('\t');
                for (int column = 0; column < cells.Length; column++)
                {
                    if (cells[column].Trim() is { Length: > 0 } cell && matches(cell))
                    {
                        return placed with { Cell = $"{sheet}!{SourceLocation.ColumnName(column)}{row}" };
                    }
                }
            }
        }

        return placed;
    }

    private static bool IsSingleCell(string? cell) => cell is not null && cell.Contains('!', StringComparison.Ordinal) && !cell.Contains(':', StringComparison.Ordinal);

    /// <summary>The records with every citation passed through <paramref name="map"/>, which is also given the text the
    /// citation is for when it cites one value (a figure, a department, an evaluation, a budget), else null.</summary>
    public static RecordSet Map(RecordSet records, Func<Citation, string?, Citation> map)
    {
        Citation? Opt(Citation? c, string? text = null) => c is null ? null : map(c, text);
        KpiValue? Value(KpiValue? v) => v is null ? null : v with
        {
            Source = map(v.Source, v.Text),
            PeriodSource = Opt(v.PeriodSource),
            MissingReason = v.MissingReason is null ? null : v.MissingReason with { Source = map(v.MissingReason.Source, v.MissingReason.Text) },
        };

        return records with
        {
            Kpis = [.. records.Kpis.Select(k => k with
            {
                Source = map(k.Source, null),
                Baseline = Value(k.Baseline),
                Target = Value(k.Target),
                Actual = Value(k.Actual),
                Achievement = Value(k.Achievement),
                Series = [.. k.Series.Select(s => s with { Target = Value(s.Target), Actual = Value(s.Actual) })],
                StatusMeaning = k.StatusMeaning is null ? null : k.StatusMeaning with { Legend = map(k.StatusMeaning.Legend, null) },
                DepartmentSource = Opt(k.DepartmentSource, k.Department),
                EvaluationSource = Opt(k.EvaluationSource, k.Evaluation),
                RelatedSources = [.. k.RelatedSources.Select(c => map(c, null))],
            })],
            Projects = [.. records.Projects.Select(p => p with { Source = map(p.Source, p.Budget?.Text), BudgetYearSource = Opt(p.BudgetYearSource) })],
            Notes = [.. records.Notes.Select(n => n with { Sources = [.. n.Sources.Select(c => map(c, null))] })],
            Totals = [.. records.Totals.Select(t => t with { Source = map(t.Source, t.Budget?.Text) })],
            StatedCounts = [.. records.StatedCounts.Select(s => s with { Source = map(s.Source, null) })],
        };
    }
}
