using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using StrategyAssistant.Documents;
using StrategyAssistant.Ingestion.Layout;
using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion.Interpreters;

/// <summary>What the assessment-sheet interpreter holds while it reads one document: the measure labels and KPI drafts so
/// far, the heading path, a values row still expected, evaluation pieces a narrow column wrapped onto lines of their own.</summary>
internal sealed class AssessmentSheetState(LayoutLines document)
{
    public LayoutLines Document { get; } = document;

    public List<SheetLabel> Labels { get; } = [];

    public List<SheetDraft> Drafts { get; } = [];

    public List<DataQualityNote> Notes { get; } = [];

    public List<(string Text, int Line)> Detached { get; } = [];

    public Goal? Goal { get; set; }

    public SheetLabel? SheetLabel { get; set; }

    public SheetLabel? Parent { get; set; }

    public SheetDraft? PendingValues { get; set; }

    public bool Started { get; set; }

    public void Read(int n)
    {
        string raw = Document.Line(n);
        string[] cells = CellText.CollapsedCells(raw);
        var nonEmpty = new List<(string Text, int Column)>();
        for (int i = 0; i < cells.Length; i++)
        {
            if (cells[i].Length > 0)
            {
                nonEmpty.Add((cells[i], i));
            }
        }

        if (nonEmpty.Count == 0)
        {
            return;
        }

        if (nonEmpty.Count == 1 && HeadingParser.Goal(CellText.CleanLine(nonEmpty[0].Text)) is { } g)
        {
            FlushDetachedEvaluation();
            Goal = g;
            SheetLabel = null;
            Parent = null;
            PendingValues = null;
            return;
        }

        if (nonEmpty.Any(c => c.Text.Contains("具体的な施策", StringComparison.Ordinal) || c.Text.Contains("重要業績評価指標", StringComparison.Ordinal) || c.Text.Contains("現状認識", StringComparison.Ordinal)))
        {
            Started = true;
            return;
        }

        if (!Started || nonEmpty.All(c => c.Text is "評価" or "評価の視点" or "施策評価" or "施策評価(案)"))
        {
            return;
        }

        if (nonEmpty.Count >= 2 && nonEmpty.All(c => AssessmentSheetInterpreter.HeaderRole(c.Text) is not null))
        {
            if (Drafts.Count > 0 && Drafts[^1].ValueLine is null)
            {
                Drafts[^1].SheetHeader = ToHeader(n, nonEmpty);
                PendingValues = Drafts[^1];
            }

            return;
        }

        if (nonEmpty.Count == 1 && CellText.IsEvaluationPiece(nonEmpty[0].Text))
        {
            Detached.Add((nonEmpty[0].Text, n));
            return;
        }

        FlushDetachedEvaluation();
        if (PendingValues is { SheetHeader: { } header } pending && nonEmpty.All(c => AssessmentSheetInterpreter.IsValueCell(c.Text)))
        {
            ReadValues(pending, header, n, nonEmpty);
            PendingValues = null;
            return;
        }

        AssessmentRowReader.ReadRow(this, n, nonEmpty);
    }

    public void FlushDetachedEvaluation()
    {
        if (Detached.Count == 0)
        {
            return;
        }

        string combined = string.Concat(Detached.Select(d => d.Text));
        int first = Detached[0].Line;
        int last = Detached[^1].Line;
        Detached.Clear();
        if (CellText.Evaluation(combined) is not { } evaluation)
        {
            return;
        }

        SheetLabel? target = Labels.LastOrDefault(l => l.Goal == Goal && l.Evaluation is null && l.HasCommentary && l.Line < first);
        if (target is null)
        {
            return;
        }

        target.Evaluation = evaluation;
        string asWritten = string.Join(" ", Enumerable.Range(first, last - first + 1).Select(k => Document.Line(k).Trim()).Where(s => s.Length > 0));
        Notes.Add(new DataQualityNote(
            Document.City,
            "shifted-row",
            $"{Describe(target)} の行に施策評価(案)の欄がなく、評価「{asWritten}」は{first}行目に離れて書かれている。{evaluation} としてこの施策に読んだ。",
            [Document.Cite(target.Line), Document.Cite(first, last)])
        {
            Subjects = Subjects(target),
        });
    }

    public RecordSet Finish()
    {
        AssessmentRealigner.Realign(this);
        var kpis = new List<KpiRecord>(Drafts.Count);
        foreach (SheetDraft d in Drafts)
        {
            int end = d.ValueLine ?? d.Line;
            string quote = d.ValueQuote is null ? d.Cell : d.Cell + " " + d.ValueQuote;
            SheetLabel l = d.SheetLabel;
            kpis.Add(new KpiRecord
            {
                Id = $"{Document.File}:{d.Line}",
                City = Document.City,
                Source = Document.Cite(d.Line, Math.Max(d.Line, end), quote),
                Goal = l.Goal,
                Measure = l.Title is null ? null : new Measure(l.Mark, l.Title) { Parent = l.Parent is { Title: { } parentTitle } p ? new Measure(p.Mark, parentTitle) : null },
                Indicator = d.Indicator,
                Unit = d.Unit,
                Baseline = d.Baseline,
                Actual = d.Actual,
                Target = d.Target,
                Evaluation = l.Evaluation,
                EvaluationViewpoint = l.Viewpoint,
                Department = l.Department,
                Assessment = l.Assessment,
                Outlook = l.Outlook,
            });

            if (d.SheetHeader is not null && d.ValueLine is null)
            {
                string columns = string.Join("・", d.SheetHeader.Columns.Select(c => c.Text));
                Notes.Add(new DataQualityNote(Document.City, "missing-value", $"{d.Indicator}: {columns} の欄に値が書かれていない（空欄）。", [Document.Cite(d.Line, d.Line, d.Cell)])
                {
                    Subjects = [d.Indicator, .. Subjects(l)],
                });
            }
        }

        return new RecordSet(kpis, [], Notes);
    }

    internal static SheetHeader ToHeader(int n, IEnumerable<(string Text, int Column)> cells) => new()
    {
        Line = n,
        Columns = [.. cells.Select(c => (AssessmentSheetInterpreter.HeaderRole(c.Text)!.Value, AssessmentSheetInterpreter.HeaderRole(c.Text) == SheetRole.Baseline ? null : FiscalYearParser.Parse(c.Text), c.Column, c.Text))],
    };

    internal void ReadValues(SheetDraft draft, SheetHeader header, int n, List<(string Text, int Column)> cells)
    {
        var assigned = new List<((SheetRole SheetRole, FiscalPeriod? Period, int Column, string Text) Column, string Text)>();
        if (cells.Count == header.Columns.Count)
        {
            for (int i = 0; i < cells.Count; i++)
            {
                assigned.Add((header.Columns[i], cells[i].Text));
            }
        }
        else
        {
            foreach ((string text, int column) in cells)
            {
                int k = header.Columns.FindIndex(h => h.Column == column);
                if (k >= 0)
                {
                    assigned.Add((header.Columns[k], text));
                }
            }
        }

        foreach (((SheetRole role, FiscalPeriod? period, int _, string _), string text) in assigned)
        {
            KpiValue value = KpiValue.Parse(text, Document.Cite(n, n, text), period, draft.Unit);
            switch (role)
            {
                case SheetRole.Baseline:
                    draft.Baseline = value;
                    break;
                case SheetRole.Actual:
                    draft.Actual = value;
                    break;
                default:
                    draft.Target = value;
                    break;
            }
        }

        draft.ValueLine = n;
        draft.ValueQuote = string.Join(" ", assigned.Select(a => $"{a.Column.Text} {a.Text}"));
    }


    internal static string Describe(SheetLabel label) =>
        label.Title is null ? $"{label.Line}行目の施策" : $"{label.Mark} {label.Title}".Trim();

    internal static List<string> Subjects(SheetLabel label)
    {
        var subjects = new List<string>();
        if (label.Title is not null)
        {
            subjects.Add(label.Title);
        }

        if (label.Goal is not null)
        {
            subjects.Add(label.Goal.ToString());
        }

        return subjects;
    }
}
