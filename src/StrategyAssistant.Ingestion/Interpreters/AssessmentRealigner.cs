using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using StrategyAssistant.Documents;
using StrategyAssistant.Ingestion.Layout;
using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion.Interpreters;

/// <summary>Puts back measure labels a sheet shifted against its indicator rows (marks repeated, title and evaluation
/// columns out of step): indicators grouped by the order of marks, titles assigned in turn, with a note saying so.</summary>
internal static class AssessmentRealigner
{
    public static void Realign(AssessmentSheetState s)
    {
        foreach (IGrouping<Goal?, SheetDraft> goalDrafts in s.Drafts.GroupBy(d => d.SheetLabel.Goal).ToList())
        {
            List<SheetDraft> drafts = [.. goalDrafts];
            int start = -1;
            SheetLabel? previous = null;
            for (int i = 0; i < drafts.Count; i++)
            {
                if (!drafts[i].OwnsLabel)
                {
                    continue;
                }

                SheetLabel l = drafts[i].SheetLabel;
                if (previous is not null && l.Mark is not null && l.Mark == previous.Mark)
                {
                    start = drafts.FindIndex(d => d.SheetLabel == previous);
                    break;
                }

                previous = l;
            }

            if (start < 0)
            {
                continue;
            }

            List<SheetDraft> region = drafts[start..];
            List<SheetLabel> regionLabels = [.. region.Where(d => d.OwnsLabel).Select(d => d.SheetLabel).Distinct()];
            List<string> titles = [.. regionLabels.Select(l => l.Title).OfType<string>().Distinct()];
            var groups = new List<(string? Mark, List<SheetDraft> Drafts, List<SheetDraft> Trailing)>();
            foreach (SheetDraft d in region)
            {
                if (d.OwnsLabel && (groups.Count == 0 || groups[^1].Mark != d.SheetLabel.Mark || groups[^1].Trailing.Count > 0))
                {
                    groups.Add((d.SheetLabel.Mark, [d], []));
                }
                else if (d.OwnsLabel)
                {
                    groups[^1].Drafts.Add(d);
                }
                else if (groups.Count > 0)
                {
                    groups[^1].Trailing.Add(d);
                }
            }

            if (titles.Count == groups.Count + 1 && groups.Count > 0 && groups[^1].Trailing.Count > 0)
            {
                (string? lastMark, List<SheetDraft> _, List<SheetDraft> trailing) = groups[^1];
                groups[^1] = (groups[^1].Mark, groups[^1].Drafts, []);
                groups.Add((CellText.NextMark(lastMark), [.. trailing], []));
            }

            if (titles.Count != groups.Count)
            {
                continue;
            }

            var description = new StringBuilder();
            for (int i = 0; i < groups.Count; i++)
            {
                string title = titles[i];
                List<SheetLabel> candidates = [.. regionLabels.Where(l => l.Title == title)];
                SheetLabel chosen = candidates.FirstOrDefault(c => !regionLabels.Any(o => o != c && c.Assessment is not null && (o.Outlook == c.Assessment || o.Assessment == c.Assessment)))
                    ?? candidates[^1];
                var label = new SheetLabel
                {
                    Mark = groups[i].Mark,
                    Title = title,
                    Line = chosen.Line,
                    Goal = chosen.Goal,
                    Assessment = chosen.Assessment,
                    Outlook = chosen.Outlook,
                    Evaluation = chosen.Evaluation,
                    Viewpoint = chosen.Viewpoint,
                    Department = chosen.Department,
                    Parent = chosen.Parent,
                };
                List<SheetDraft> members = [.. groups[i].Drafts, .. groups[i].Trailing];
                foreach (SheetDraft d in members)
                {
                    d.SheetLabel = label;
                }

                description.Append(i == 0 ? string.Empty : "、")
                    .Append(CultureInfo.InvariantCulture, $"{label.Mark} {title}（{string.Join("・", members.Select(m => $"{m.Indicator}（{m.Line}行）"))}、評価等は{chosen.Line}行目）");
            }

            int first = region[0].Line;
            int last = region.Max(d => d.ValueLine ?? d.Line);
            s.Notes.Add(new DataQualityNote(
                s.Document.City,
                "shifted-row",
                $"基本目標{goalDrafts.Key?.Number.ToString(CultureInfo.InvariantCulture)}の{first}～{last}行目は施策の記号が重複しており（{string.Join("、", regionLabels.Select(l => $"{l.Mark} {l.Title}"))}）、施策名・評価の列が指標の行とずれている。記号の並びで指標をまとめ、施策名を順に当てはめて読んだ: {description}。",
                [.. region.Select(d => s.Document.Cite(d.Line, d.ValueLine ?? d.Line, d.Cell))])
            {
                Subjects = [.. titles, .. region.Select(d => d.Indicator)],
            });
        }
    }

}
