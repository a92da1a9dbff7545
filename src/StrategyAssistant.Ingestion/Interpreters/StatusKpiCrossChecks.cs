using System.Text.RegularExpressions;
using StrategyAssistant.Documents;
using StrategyAssistant.Ingestion.Layout;
using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion.Interpreters;

/// <summary>Checks across the tables of one document: a 「Xとの共通指標」 row takes X's values; a goal's stated count of 事業 against the 事業 the document shows.</summary>
internal sealed class StatusKpiCrossChecks(StatusKpiTableState state)
{
    private LayoutLines Document => state.Document;

    public void LinkShared()
    {
        for (int i = 0; i < state.Kpis.Count; i++)
        {
            KpiRecord record = state.Kpis[i];
            if (!state.Shared.TryGetValue(record.Id, out (string Project, string? Qualifier) reference))
            {
                continue;
            }

            string key = NameSimilarity.Key(record.Indicator);
            string projectKey = NameSimilarity.Key(reference.Project);
            KpiRecord? match = state.Kpis
                .Where(k => k.Note is null && k.Project is not null && k.Baseline is not null)
                .Where(k => NameSimilarity.IsSameOrKanaVariant(NameSimilarity.Key(k.Indicator), key))
                .Where(k => NameSimilarity.IsSameOrKanaVariant(NameSimilarity.Key(BaseName(k.Project!)), projectKey) || NameSimilarity.Key(k.Project!).StartsWith(projectKey, StringComparison.Ordinal))
                .OrderByDescending(k => NameSimilarity.Key(k.Indicator) == key)
                .ThenByDescending(k => reference.Qualifier is not null && k.Project!.Contains(reference.Qualifier, StringComparison.Ordinal))
                .FirstOrDefault();
            if (match is null)
            {
                continue;
            }

            state.Kpis[i] = record with
            {
                Baseline = match.Baseline,
                Target = match.Target,
                Actual = match.Actual,
                Unit = match.Unit,
                RelatedSources = [.. record.RelatedSources, match.Source],
            };
        }
    }

    private static string BaseName(string project)
    {
        int paren = project.IndexOfAny(['(', '（']);
        return paren > 0 ? project[..paren].Trim() : project;
    }

    /// <summary>○総合戦略関連事業 7事業 … stated per goal, against the projects the slides show under that goal.</summary>
    public void CheckGoalTotals()
    {
        foreach ((int line, string written, int stated, Goal? goal) in state.GoalTotals)
        {
            if (goal is null)
            {
                continue;
            }

            ProjectRecord[] shown = [.. state.Projects.Where(p => p.Goal?.Number == goal.Number && p.Budget is null)];
            if (shown.Length == stated || shown.Length == 0)
            {
                continue;
            }

            // The Document's own ※ footnote under the stated count, quoted as written (none: no remark).
            int footnote = Enumerable.Range(line + 1, Math.Max(0, Math.Min(10, Document.LineCount - line)))
                .FirstOrDefault(n => CellText.Clean(Document.Line(n)).StartsWith('※'));
            string remark = footnote == 0 ? string.Empty : $"資料の注記は「{CellText.Clean(Document.Line(footnote)).TrimStart('※').Trim()}」。";
            state.Notes.Add(new DataQualityNote(
                Document.City,
                "count-mismatch",
                $"基本目標{goal.Number}は「{written}」と記載されているが、資料に取組み状況が掲載されている事業は{shown.Length}件"
                    + $" ({string.Join("、", shown.Select(p => p.Name))})。{remark}",
                [Document.Cite(line), .. footnote == 0 ? Array.Empty<Citation>() : [Document.Cite(footnote)], .. shown.Select(p => p.Source)])
            { Subjects = [goal.ToString()] });
        }
    }
}
