using System.Text.RegularExpressions;
using StrategyAssistant.Documents;

using StrategyAssistant.Ingestion.Layout;
using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion.Interpreters;

/// <summary>Reads the year-column progress notation (区分 / year columns, 目標値 and 実績値 row pairs): per 基本目標 the 数値目標 rows (基準値, 目標値, then 目標値 /
/// 実績値 rows per year and 5年間の合計, 所見), then 施策名・事業名 rows with a KPI written <c>指標 ／基準(年)→目標(期間)</c>,
/// their 目標値 / 実績値 rows and comment; 小計 / 合計 (事業数, KPI数) lines are reconciled against the rows listed.</summary>
public sealed partial class YearColumnProgressInterpreter : INotationInterpreter
{
    // The 区分 cells of a 目標値 row and of the 実績値 row under it (the vocabulary's progress-table targetRow / actualRow).
    private static bool IsTargetRow(string cell) => Vocabulary.StrategyVocabulary.Default.Notations.Is("progress-table", "targetRow", cell);

    private static bool IsActualRow(string cell) => Vocabulary.StrategyVocabulary.Default.Notations.Is("progress-table", "actualRow", cell);
    internal const string NoKpiWritten = "KPIの記載なし";

    public string Name => "progress-table";

    public bool Claims(LayoutLines document)
    {
        // A 区分 header with year columns, then a 目標値 row followed by a 実績値 row with the label in the same column.
        bool header = false;
        int targetColumn = -1;
        foreach (string line in document.Lines)
        {
            if (!line.Contains('\t', StringComparison.Ordinal))
            {
                targetColumn = -1;
                continue;
            }

            string[] cells = CellText.Cells(line);
            if (!header)
            {
                header = ProgressHeader.TryRead(cells, out _);
                continue;
            }

            if (targetColumn >= 0 && targetColumn < cells.Length && IsActualRow(cells[targetColumn]))
            {
                return true;
            }

            targetColumn = Array.FindIndex(cells, IsTargetRow);
        }

        return false;
    }

    public RecordSet Read(LayoutLines document)
    {
        var state = new State(document);
        for (int n = 1; n <= document.LineCount; n++)
        {
            state.Read(n);
        }

        state.Finish();
        return new RecordSet(state.Kpis, state.Projects, state.Notes);
    }


    private sealed class State(LayoutLines document)
    {
        private ProgressHeader? _header;
        private Goal? _goal;
        private Measure? _measure;
        private Measure? _policy;
        private ProgressRow? _row;
        private ProgressProject? _project;
        private readonly List<ProgressProject> _projects = [];
        private int _sectionStart = 1;
        private int _sectionProjects;
        private int _sectionKpis;
        private int _allProjects;
        private int _allKpis;

        public List<KpiRecord> Kpis { get; } = [];

        public List<ProjectRecord> Projects { get; } = [];

        public List<DataQualityNote> Notes { get; } = [];

        private YearColumnKpiReader Kpi => field ??= new YearColumnKpiReader(document, Notes);

        public void Read(int n)
        {
            string raw = document.Line(n);
            string[] cells = CellText.Cells(raw);
            string first = cells[0];
            if (cells.All(c => c.Length == 0))
            {
                return;
            }

            if (HeadingParser.Goal(raw) is { } goal && cells.Skip(1).All(c => c.Length == 0))
            {
                FlushRow();
                _goal = goal;
                _measure = null;
                _policy = null;
                _header = null;
                return;
            }

            if (ProgressHeader.TryRead(cells, out ProgressHeader header))
            {
                FlushRow();
                _header = header;
                return;
            }

            if (SubtotalPattern().Match(CellText.Clean(raw)) is { Success: true } subtotal)
            {
                FlushRow();
                Reconcile(subtotal, n);
                return;
            }

            if (_header is null)
            {
                return;
            }

            int category = Array.FindIndex(cells, c => IsTargetRow(c) || IsActualRow(c));
            if (category < 0)
            {
                ReadSection(first, cells);
                return;
            }

            if (IsActualRow(cells[category]))
            {
                if (_row is not null && _row.ActualCells is null)
                {
                    _row.ActualCells = cells[category..];
                    _row.ActualLine = n;
                    _row.LastLine = n;
                }

                return;
            }

            FlushRow();
            string[] before = cells[..category];
            string? project = null;
            if (!_header.GoalTargets)
            {
                if (before.Length > 0 && before[0].Length > 0)
                {
                    StartProject(before[0], n);
                }

                project = _project?.Name;
            }

            _row = new ProgressRow { Line = n, LastLine = n, Before = before, TargetCells = cells[category..], ActualLine = 0, Project = project, Goal = _goal, Measure = _measure };
        }

        public void Finish()
        {
            FlushRow();
            foreach (ProgressProject p in _projects)
            {
                Projects.Add(new ProjectRecord
                {
                    Id = $"{document.File}:{p.Line}",
                    City = document.City,
                    Source = document.Cite(p.Line, p.LastLine, CellText.Clean(document.Line(p.Line).Split('\t')[0])),
                    Goal = p.Goal,
                    Measure = p.Measure,
                    Name = p.Name,
                    Kpis = [.. p.Kpis],
                });
            }
        }

        private void ReadSection(string first, string[] cells)
        {
            if (first.Length == 0 || cells.Skip(1).Any(c => c.Length > 0))
            {
                return;
            }

            (string? mark, string title) = CellText.SplitCircledMark(first);
            if (mark is not null)
            {
                _measure = new Measure(mark, title) { Parent = _policy };
                return;
            }

            // (1) 人材育成・雇用対策: the level above the ① measures.
            System.Text.RegularExpressions.Match policy = PolicyPattern().Match(first);
            if (policy.Success)
            {
                _policy = new Measure(policy.Groups["mark"].Value, policy.Groups["title"].Value.Trim());
                _measure = null;
            }
        }

        private void StartProject(string name, int line)
        {
            _project = new ProgressProject { Name = name, Line = line, LastLine = line, Goal = _goal, Measure = _measure };
            _projects.Add(_project);
            _sectionProjects++;
            _allProjects++;
        }

        private void FlushRow()
        {
            if (_row is null || _header is null)
            {
                _row = null;
                return;
            }

            ProgressRow row = _row;
            _row = null;
            KpiRecord? record = _header.GoalTargets ? Kpi.GoalTarget(row, _header) : Kpi.MeasureKpi(row, _header);
            if (record is null)
            {
                return;
            }

            Kpis.Add(record);
            if (_project is not null && !_header.GoalTargets)
            {
                _project.LastLine = Math.Max(_project.LastLine, row.LastLine);
                // A KPI counts when one is set; a row naming an indicator without a target (実績値の管理とする) still lists it.
                bool isKpi = record.Note is null;
                if (isKpi || (record.Note != record.Indicator && record.Note != NoKpiWritten))
                {
                    _project.Kpis.Add(record.Indicator);
                }

                if (isKpi)
                {
                    _sectionKpis++;
                    _allKpis++;
                }
            }
        }

        private void Reconcile(System.Text.RegularExpressions.Match m, int line)
        {
            bool total = m.Groups["kind"].Value == "合計";
            int statedProjects = CellValue.ParseInt(m.Groups["projects"].Value);
            int statedKpis = CellValue.ParseInt(m.Groups["kpis"].Value);
            int listedProjects = total ? _allProjects : _sectionProjects;
            int listedKpis = total ? _allKpis : _sectionKpis;
            string scope = total ? "合計" : _goal is null ? "小計" : $"基本目標{_goal.Number}の小計";
            if (statedProjects != listedProjects || statedKpis != listedKpis)
            {
                int from = total ? 1 : _sectionStart;
                string written = CellText.Clean(document.Line(line));
                Notes.Add(new DataQualityNote(
                    document.City,
                    "count-mismatch",
                    $"{scope}は「{written}」と記載されているが、掲載されている行は事業数{listedProjects}、KPI数{listedKpis}"
                        + " (「KPIの設定が困難」の行は事業に数え、KPIに数えない)。",
                    [document.Cite(line), document.Cite(from, line, written)])
                { Subjects = _goal is null || total ? [] : [_goal.ToString()] });
            }

            if (!total)
            {
                _sectionStart = line + 1;
                _sectionProjects = 0;
                _sectionKpis = 0;
            }
        }
    }

    [GeneratedRegex(@"^(?<mark>[(（]\d+[)）])\s*(?<title>\S.*)$")]
    private static partial Regex PolicyPattern();

    [GeneratedRegex(@"^(?<kind>小計|合計)\s*[(（]\s*事業数\s*[:：]\s*(?<projects>\d+)\s*[、,]\s*KPI数\s*[:：]\s*(?<kpis>\d+)\s*[)）]")]
    private static partial Regex SubtotalPattern();
}
