using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using StrategyAssistant.Documents;

using StrategyAssistant.Ingestion.Layout;
using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion.Interpreters;

/// <summary>Reads a 施策評価 (measure evaluation) sheet: per 施策 row the measure (mark and title), its KPIs (indicator with the unit
/// of its trailing (%) / (人) / (PV)), 基準値 / 実績値 / 目標値 (on the header's line or the lines after it, some cells blank),
/// KPIの現状認識, 今後の考え方, 評価 (継続発展 / 継続 / 見直し), 評価の視点 and 担当部. Cells are recognised by what they hold, not
/// by their position, so rows shifted against their labels are read correctly; where the reader had to realign, a
/// <see cref="DataQualityNote"/> of kind <c>shifted-row</c> says so.</summary>
public sealed partial class AssessmentSheetInterpreter : INotationInterpreter
{
    public string Name => "evaluation-sheet";

    public bool Claims(LayoutLines document)
    {
        bool header = false;
        bool values = false;
        foreach (string raw in document.Lines)
        {
            List<string> cells = CellText.NonEmptyCells(raw);
            header |= cells.Any(c => c.Contains("現状認識", StringComparison.Ordinal))
                && cells.Any(c => c.Contains("担当", StringComparison.Ordinal) || c.Contains("所管", StringComparison.Ordinal) || c.Contains("部局", StringComparison.Ordinal))
                && cells.Any(c => c.Contains("KPI", StringComparison.Ordinal) || c.Contains("指標", StringComparison.Ordinal));
            values |= cells.Count >= 2 && cells.Any(c => c.Contains("基準値", StringComparison.Ordinal)) && cells.Any(c => c.Contains("実績値", StringComparison.Ordinal));
        }

        return header && values;
    }

    public RecordSet Read(LayoutLines document)
    {
        var state = new State(document);
        for (int n = 1; n <= document.LineCount; n++)
        {
            state.Read(n);
        }

        state.FlushDetachedEvaluation();
        return state.Finish();
    }

    private enum Role
    {
        Baseline,
        Actual,
        Target,
    }

    private static Role? HeaderRole(string cell)
    {
        string t = cell.Replace(" ", string.Empty, StringComparison.Ordinal);
        if (t.Length > 16)
        {
            return null;
        }

        if (t.EndsWith("基準値", StringComparison.Ordinal) || t == "基準")
        {
            return Role.Baseline;
        }

        if (t.EndsWith("実績値", StringComparison.Ordinal) || t.EndsWith("実績", StringComparison.Ordinal))
        {
            return Role.Actual;
        }

        return t.EndsWith("目標値", StringComparison.Ordinal) || t.EndsWith("目標", StringComparison.Ordinal) ? Role.Target : null;
    }

    private static bool IsIndicatorCell(string cell) =>
        cell.Length <= 100 && !cell.Contains('。', StringComparison.Ordinal) && CellText.SplitUnit(cell).Unit is not null;

    private static bool IsValueCell(string cell) =>
        cell.Length <= 60 && !IsIndicatorCell(cell) && CellText.Evaluation(cell) is null && !CellText.LooksLikeDepartment(cell)
        && (ValueStart().IsMatch(cell) || (cell.Length <= 16 && !CellText.IsMark(cell)));

    private sealed class Label
    {
        public string? Mark { get; set; }

        public string? Title { get; set; }

        public string? Assessment { get; set; }

        public string? Outlook { get; set; }

        public string? Evaluation { get; set; }

        public string? Viewpoint { get; set; }

        public string? Department { get; set; }

        public required int Line { get; init; }

        public Goal? Goal { get; init; }

        /// <summary>The enclosing measure of a ①-numbered one.</summary>
        public Label? Parent { get; set; }

        public bool HasCommentary => Assessment is not null || Outlook is not null || Viewpoint is not null;
    }

    private sealed class Header
    {
        public required int Line { get; init; }

        public required List<(Role Role, FiscalPeriod? Period, int Column, string Text)> Columns { get; init; }
    }

    private sealed class Draft
    {
        public required Label Label { get; set; }

        public required bool OwnsLabel { get; init; }

        public required string Indicator { get; init; }

        public string? Unit { get; init; }

        public required int Line { get; init; }

        public required string Cell { get; init; }

        public Header? Header { get; set; }

        public int? ValueLine { get; set; }

        public string? ValueQuote { get; set; }

        public KpiValue? Baseline { get; set; }

        public KpiValue? Actual { get; set; }

        public KpiValue? Target { get; set; }
    }

    private sealed class State(LayoutLines document)
    {
        private readonly List<Label> _labels = [];
        private readonly List<Draft> _drafts = [];
        private readonly List<DataQualityNote> _notes = [];
        private readonly List<(string Text, int Line)> _detached = [];
        private Goal? _goal;
        private Label? _label;
        private Label? _parent;
        private Draft? _pendingValues;
        private bool _started;

        public void Read(int n)
        {
            string raw = document.Line(n);
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
                _goal = g;
                _label = null;
                _parent = null;
                _pendingValues = null;
                return;
            }

            if (nonEmpty.Any(c => c.Text.Contains("具体的な施策", StringComparison.Ordinal) || c.Text.Contains("重要業績評価指標", StringComparison.Ordinal) || c.Text.Contains("現状認識", StringComparison.Ordinal)))
            {
                _started = true;
                return;
            }

            if (!_started || nonEmpty.All(c => c.Text is "評価" or "評価の視点" or "施策評価" or "施策評価(案)"))
            {
                return;
            }

            if (nonEmpty.Count >= 2 && nonEmpty.All(c => HeaderRole(c.Text) is not null))
            {
                if (_drafts.Count > 0 && _drafts[^1].ValueLine is null)
                {
                    _drafts[^1].Header = ToHeader(n, nonEmpty);
                    _pendingValues = _drafts[^1];
                }

                return;
            }

            if (nonEmpty.Count == 1 && CellText.IsEvaluationPiece(nonEmpty[0].Text))
            {
                _detached.Add((nonEmpty[0].Text, n));
                return;
            }

            FlushDetachedEvaluation();
            if (_pendingValues is { Header: { } header } pending && nonEmpty.All(c => IsValueCell(c.Text)))
            {
                ReadValues(pending, header, n, nonEmpty);
                _pendingValues = null;
                return;
            }

            ReadRow(n, nonEmpty);
        }

        public void FlushDetachedEvaluation()
        {
            if (_detached.Count == 0)
            {
                return;
            }

            string combined = string.Concat(_detached.Select(d => d.Text));
            int first = _detached[0].Line;
            int last = _detached[^1].Line;
            _detached.Clear();
            if (CellText.Evaluation(combined) is not { } evaluation)
            {
                return;
            }

            Label? target = _labels.LastOrDefault(l => l.Goal == _goal && l.Evaluation is null && l.HasCommentary && l.Line < first);
            if (target is null)
            {
                return;
            }

            target.Evaluation = evaluation;
            string asWritten = string.Join(" ", Enumerable.Range(first, last - first + 1).Select(k => document.Line(k).Trim()).Where(s => s.Length > 0));
            _notes.Add(new DataQualityNote(
                document.City,
                "shifted-row",
                $"{Describe(target)} の行に施策評価(案)の欄がなく、評価「{asWritten}」は{first}行目に離れて書かれている。{evaluation} としてこの施策に読んだ。",
                [document.Cite(target.Line), document.Cite(first, last)])
            {
                Subjects = Subjects(target),
            });
        }

        public RecordSet Finish()
        {
            Realign();
            var kpis = new List<KpiRecord>(_drafts.Count);
            foreach (Draft d in _drafts)
            {
                int end = d.ValueLine ?? d.Line;
                string quote = d.ValueQuote is null ? d.Cell : d.Cell + " " + d.ValueQuote;
                Label l = d.Label;
                kpis.Add(new KpiRecord
                {
                    Id = $"{document.File}:{d.Line}",
                    City = document.City,
                    Source = document.Cite(d.Line, Math.Max(d.Line, end), quote),
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

                if (d.Header is not null && d.ValueLine is null)
                {
                    string columns = string.Join("・", d.Header.Columns.Select(c => c.Text));
                    _notes.Add(new DataQualityNote(document.City, "missing-value", $"{d.Indicator}: {columns} の欄に値が書かれていない（空欄）。", [document.Cite(d.Line, d.Line, d.Cell)])
                    {
                        Subjects = [d.Indicator, .. Subjects(l)],
                    });
                }
            }

            return new RecordSet(kpis, [], _notes);
        }

        private static Header ToHeader(int n, IEnumerable<(string Text, int Column)> cells) => new()
        {
            Line = n,
            Columns = [.. cells.Select(c => (HeaderRole(c.Text)!.Value, HeaderRole(c.Text) == Role.Baseline ? null : FiscalYearParser.Parse(c.Text), c.Column, c.Text))],
        };

        private void ReadValues(Draft draft, Header header, int n, List<(string Text, int Column)> cells)
        {
            var assigned = new List<((Role Role, FiscalPeriod? Period, int Column, string Text) Column, string Text)>();
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

            foreach (((Role role, FiscalPeriod? period, int _, string _), string text) in assigned)
            {
                KpiValue value = KpiValue.Parse(text, document.Cite(n, n, text), period, draft.Unit);
                switch (role)
                {
                    case Role.Baseline:
                        draft.Baseline = value;
                        break;
                    case Role.Actual:
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

        private void ReadRow(int n, List<(string Text, int Column)> cells)
        {
            string? mark = null, title = null, indicator = null, evaluation = null, department = null;
            bool noIndicator = false;
            var longBefore = new List<string>();
            var longAfter = new List<string>();
            var headerCells = new List<(string Text, int Column)>();
            foreach ((string text, int column) in cells)
            {
                if (HeaderRole(text) is not null)
                {
                    headerCells.Add((text, column));
                }
                else if (evaluation is null && CellText.Evaluation(text) is { } e)
                {
                    evaluation = e;
                }
                else if (department is null && CellText.LooksLikeDepartment(text))
                {
                    department = CellText.Department(text);
                }
                else if (text is "—" or "－" or "-" or "―")
                {
                    noIndicator |= indicator is null && title is not null;
                }
                else if (CellText.IsMark(text) && title is null && indicator is null)
                {
                    mark = text;
                }
                else if (title is null && indicator is null && text.Length <= 60 && !text.Contains('。', StringComparison.Ordinal) && CellText.SplitMark(text) is { } split)
                {
                    mark = split.Mark;
                    title = split.Title;
                }
                else if (indicator is null && IsIndicatorCell(text))
                {
                    indicator = text;
                }
                else if (title is null && indicator is null && text.Length <= 60 && !text.Contains('。', StringComparison.Ordinal))
                {
                    title = text;
                }
                else
                {
                    (evaluation is null ? longBefore : longAfter).Add(text);
                }
            }

            bool hasLabel = title is not null || longBefore.Count > 0 || longAfter.Count > 0 || evaluation is not null || department is not null;
            if (!hasLabel && indicator is null)
            {
                return;
            }

            bool strayMark = false;
            if (hasLabel)
            {
                var label = new Label { Mark = mark, Title = title, Line = n, Goal = _goal, Evaluation = evaluation, Department = department };
                if (mark is { Length: 1 } && CellText.IsCircled(mark[0]))
                {
                    label.Parent = _parent;
                }
                else
                {
                    if (mark is null && noIndicator && title is not null)
                    {
                        // A measure heading row without its mark (its sub-measures follow): the mark after the previous one.
                        string? previousMark = _labels.LastOrDefault(l => l.Goal == _goal && l.Mark is { Length: 1 } m && !CellText.IsCircled(m[0]))?.Mark;
                        label.Mark = previousMark is null ? (_labels.Any(l => l.Goal == _goal) ? null : "ア") : CellText.NextMark(previousMark);
                    }

                    _parent = label;
                }

                if (evaluation is not null)
                {
                    label.Assessment = longBefore.ElementAtOrDefault(0);
                    label.Outlook = longBefore.Count > 1 ? string.Join(" ", longBefore.Skip(1)) : null;
                    label.Viewpoint = longAfter.Count > 0 ? string.Join(" ", longAfter) : null;
                }
                else
                {
                    List<string> all = [.. longBefore, .. longAfter];
                    label.Assessment = all.ElementAtOrDefault(0);
                    label.Outlook = all.ElementAtOrDefault(1);
                    label.Viewpoint = all.Count > 2 ? string.Join(" ", all.Skip(2)) : null;
                }

                _labels.Add(label);
                _label = label;
            }
            else
            {
                strayMark = mark is not null;
            }

            _pendingValues = null;
            if (indicator is null || _label is null && !hasLabel)
            {
                if (indicator is not null)
                {
                    // An indicator before any measure: keep it with no measure.
                    _label = new Label { Line = n, Goal = _goal };
                }
                else
                {
                    return;
                }
            }

            (string name, string? unit) = CellText.SplitUnit(indicator);
            var draft = new Draft { Label = _label!, OwnsLabel = hasLabel, Indicator = name, Unit = unit, Line = n, Cell = indicator };
            _drafts.Add(draft);
            if (headerCells.Count >= 2)
            {
                draft.Header = ToHeader(n, headerCells);
                _pendingValues = draft;
            }

            if (strayMark)
            {
                _notes.Add(new DataQualityNote(
                    document.City,
                    "shifted-row",
                    $"{n}行目の「{mark}」は施策名・評価・担当部のない指標行（{name}）に置かれている。施策の見出しではなく、直前の施策 {Describe(_label!)} の指標として読んだ。",
                    [document.Cite(n, n, string.Join(" ", cells.Select(c => c.Text)))])
                {
                    Subjects = [name, .. Subjects(_label!)],
                });
            }
        }

        /// <summary>Where a goal's measure marks repeat (ウ, ウ, エ, エ) the label column (mark, title, commentary) has drifted against the
        /// indicator rows: the marks still group the indicators, the titles keep their order, and a title left over goes with the
        /// indicator rows that follow without a label, under the next mark.</summary>
        private void Realign()
        {
            foreach (IGrouping<Goal?, Draft> goalDrafts in _drafts.GroupBy(d => d.Label.Goal).ToList())
            {
                List<Draft> drafts = [.. goalDrafts];
                int start = -1;
                Label? previous = null;
                for (int i = 0; i < drafts.Count; i++)
                {
                    if (!drafts[i].OwnsLabel)
                    {
                        continue;
                    }

                    Label l = drafts[i].Label;
                    if (previous is not null && l.Mark is not null && l.Mark == previous.Mark)
                    {
                        start = drafts.FindIndex(d => d.Label == previous);
                        break;
                    }

                    previous = l;
                }

                if (start < 0)
                {
                    continue;
                }

                List<Draft> region = drafts[start..];
                List<Label> regionLabels = [.. region.Where(d => d.OwnsLabel).Select(d => d.Label).Distinct()];
                List<string> titles = [.. regionLabels.Select(l => l.Title).OfType<string>().Distinct()];
                var groups = new List<(string? Mark, List<Draft> Drafts, List<Draft> Trailing)>();
                foreach (Draft d in region)
                {
                    if (d.OwnsLabel && (groups.Count == 0 || groups[^1].Mark != d.Label.Mark || groups[^1].Trailing.Count > 0))
                    {
                        groups.Add((d.Label.Mark, [d], []));
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
                    (string? lastMark, List<Draft> _, List<Draft> trailing) = groups[^1];
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
                    List<Label> candidates = [.. regionLabels.Where(l => l.Title == title)];
                    Label chosen = candidates.FirstOrDefault(c => !regionLabels.Any(o => o != c && c.Assessment is not null && (o.Outlook == c.Assessment || o.Assessment == c.Assessment)))
                        ?? candidates[^1];
                    var label = new Label
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
                    List<Draft> members = [.. groups[i].Drafts, .. groups[i].Trailing];
                    foreach (Draft d in members)
                    {
                        d.Label = label;
                    }

                    description.Append(i == 0 ? string.Empty : "、")
                        .Append(CultureInfo.InvariantCulture, $"{label.Mark} {title}（{string.Join("・", members.Select(m => $"{m.Indicator}（{m.Line}行）"))}、評価等は{chosen.Line}行目）");
                }

                int first = region[0].Line;
                int last = region.Max(d => d.ValueLine ?? d.Line);
                _notes.Add(new DataQualityNote(
                    document.City,
                    "shifted-row",
                    $"基本目標{goalDrafts.Key?.Number.ToString(CultureInfo.InvariantCulture)}の{first}～{last}行目は施策の記号が重複しており（{string.Join("、", regionLabels.Select(l => $"{l.Mark} {l.Title}"))}）、施策名・評価の列が指標の行とずれている。記号の並びで指標をまとめ、施策名を順に当てはめて読んだ: {description}。",
                    [.. region.Select(d => document.Cite(d.Line, d.ValueLine ?? d.Line, d.Cell))])
                {
                    Subjects = [.. titles, .. region.Select(d => d.Indicator)],
                });
            }
        }

        private static string Describe(Label label) =>
            label.Title is null ? $"{label.Line}行目の施策" : $"{label.Mark} {label.Title}".Trim();

        private static List<string> Subjects(Label label)
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

    [GeneratedRegex(@"^[0-9０-９△▲—－―\-‐]")]
    private static partial Regex ValueStart();
}
