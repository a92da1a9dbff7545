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

    private static RecordSet Apply(Func<string, SourceDocument?> find, RecordSet records)
    {
        RecordSet placed = Map(records, (citation, text) =>
            find(citation.File) is { Locations: not null } document ? Place(document, citation, text) : citation);
        return placed with { Kpis = [.. placed.Kpis.Zip(records.Kpis, (k, before) => OwnCells(find, k, before))] };
    }

    /// <summary>Two values of one row written alike (a baseline and an actual both 70団体) found the same cell by their text:
    /// the later one takes the next cell that holds it.</summary>
    private static KpiRecord OwnCells(Func<string, SourceDocument?> find, KpiRecord placed, KpiRecord before)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        KpiValue? Own(KpiValue? value, KpiValue? unplaced)
        {
            if (value?.Source.Cell is not { } cell || unplaced is null || !IsSingleCell(cell) || taken.Add(cell)
                || IsSingleCell(unplaced.Source.Cell) || find(value.Source.File) is not { Locations: not null } document)
            {
                return value;
            }

            Citation other = Place(document, unplaced.Source, unplaced.Text, taken);
            return other.Cell is { } next && taken.Add(next) ? value with { Source = other } : value;
        }

        return placed with
        {
            Baseline = Own(placed.Baseline, before.Baseline),
            Target = Own(placed.Target, before.Target),
            Actual = Own(placed.Actual, before.Actual),
            Achievement = Own(placed.Achievement, before.Achievement),
        };
    }

    /// <summary><paramref name="citation"/> placed in <paramref name="document"/>; for a sheet, the cell of its lines whose
    /// text is <paramref name="text"/> (and not one of <paramref name="excluded"/>) when the citation names no single cell yet.</summary>
    public static Citation Place(SourceDocument document, Citation citation, string? text = null, IReadOnlySet<string>? excluded = null)
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
                    string address = $"{sheet}!{SourceLocation.ColumnName(column)}{row}";
                    if (cells[column].Trim() is { Length: > 0 } cell && matches(cell) && excluded?.Contains(address) != true)
                    {
                        return placed with { Cell = address };
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
