using System.Text.RegularExpressions;
using StrategyAssistant.Documents;

using StrategyAssistant.Ingestion.Layout;
using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion.Interpreters;

/// <summary>Reads a KPI progress table (e.g. 砂川市 令和3年度実績): per 基本目標 the 数値目標 rows (基準値, 目標値, then 目標値 /
/// 実績値 rows per year and 5年間の合計, 所見), then 施策名・事業名 rows with a KPI written <c>指標 ／基準(年)→目標(期間)</c>,
/// their 目標値 / 実績値 rows and comment; 小計 / 合計 (事業数, KPI数) lines are reconciled against the rows listed.</summary>
public sealed partial class YearColumnProgressInterpreter : INotationInterpreter
{
    private const string TargetRow = "目標値";
    private const string ActualRow = "実績値";
    private const string TargetShort = "目標";
    private const string ActualShort = "実績";
    private const string NoKpiWritten = "KPIの記載なし";

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
                header = Header.TryRead(cells, out _);
                continue;
            }

            if (targetColumn >= 0 && targetColumn < cells.Length && cells[targetColumn] is ActualRow or ActualShort)
            {
                return true;
            }

            targetColumn = Array.FindIndex(cells, c => c is TargetRow or TargetShort);
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

    /// <summary>A 数値目標 or 施策名・事業名 header: the 区分 column, the year columns and the comment column.</summary>
    private sealed record Header(bool GoalTargets, int Category, IReadOnlyList<(int Offset, FiscalYear Year)> Years, int TotalOffset, int CommentOffset, FiscalYear? ReportYear)
    {
        public static bool TryRead(string[] cells, out Header header)
        {
            header = null!;
            int category = Array.IndexOf(cells, "区分");
            if (category < 0)
            {
                return false;
            }

            FiscalYearParser.Era era = cells.Any(c => c.Contains("平成", StringComparison.Ordinal)) && !cells.Any(c => c.Contains("令和", StringComparison.Ordinal))
                ? FiscalYearParser.Era.Heisei
                : FiscalYearParser.Era.Reiwa;
            var years = new List<(int, FiscalYear)>();
            int total = -1;
            int comment = -1;
            FiscalYear? report = null;
            for (int i = category + 1; i < cells.Length; i++)
            {
                if (CellValue.HeaderYear(cells[i], era) is { } year)
                {
                    years.Add((i - category, year.Start));
                }
                else if (cells[i].Contains("合計", StringComparison.Ordinal) || cells[i].Contains("累計", StringComparison.Ordinal))
                {
                    total = i - category;
                }
                else if (cells[i].Length > 0)
                {
                    comment = i - category;
                    report = FiscalYearParser.Parse(cells[i], era)?.End;
                }
            }

            if (years.Count < 2)
            {
                return false;
            }

            bool goalTargets = cells[0].Contains("数値目標", StringComparison.Ordinal);
            header = new Header(goalTargets, category, years, total, comment, report);
            return true;
        }

        public FiscalPeriod Span => new(Years[0].Year, Years[^1].Year, $"{Years[0].Year.ToJapanese()}～{Years[^1].Year.ToJapanese()}");
    }

    /// <summary>One KPI (or 施策名・事業名 row without one) being read: its 目標値 line, then its 実績値 line.</summary>
    private sealed class Row
    {
        public required int Line { get; init; }

        public int LastLine { get; set; }

        public required string[] Before { get; init; }

        public required string[] TargetCells { get; init; }

        public string[]? ActualCells { get; set; }

        public required int ActualLine { get; set; }

        public string? Project { get; init; }

        public Goal? Goal { get; init; }

        public Measure? Measure { get; init; }
    }

    private sealed class ProjectBuilder
    {
        public required string Name { get; init; }

        public required int Line { get; init; }

        public int LastLine { get; set; }

        public Goal? Goal { get; init; }

        public Measure? Measure { get; init; }

        public List<string> Kpis { get; } = [];
    }

    private sealed class State(LayoutLines document)
    {
        private Header? _header;
        private Goal? _goal;
        private Measure? _measure;
        private Measure? _policy;
        private Row? _row;
        private ProjectBuilder? _project;
        private readonly List<ProjectBuilder> _projects = [];
        private int _sectionStart = 1;
        private int _sectionProjects;
        private int _sectionKpis;
        private int _allProjects;
        private int _allKpis;

        public List<KpiRecord> Kpis { get; } = [];

        public List<ProjectRecord> Projects { get; } = [];

        public List<DataQualityNote> Notes { get; } = [];

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

            if (Header.TryRead(cells, out Header header))
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

            int category = Array.FindIndex(cells, c => c is TargetRow or ActualRow or TargetShort or ActualShort);
            if (category < 0)
            {
                ReadSection(first, cells);
                return;
            }

            if (cells[category] is ActualRow or ActualShort)
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

            _row = new Row { Line = n, LastLine = n, Before = before, TargetCells = cells[category..], ActualLine = 0, Project = project, Goal = _goal, Measure = _measure };
        }

        public void Finish()
        {
            FlushRow();
            foreach (ProjectBuilder p in _projects)
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
            _project = new ProjectBuilder { Name = name, Line = line, LastLine = line, Goal = _goal, Measure = _measure };
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

            Row row = _row;
            _row = null;
            KpiRecord? record = _header.GoalTargets ? GoalTarget(row, _header) : MeasureKpi(row, _header);
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

        private KpiRecord? GoalTarget(Row row, Header header)
        {
            string indicator = row.Before.Length > 0 ? row.Before[0] : string.Empty;
            if (indicator.Length == 0)
            {
                return null;
            }

            Citation line = document.Cite(row.Line);
            KpiValue? baseline = row.Before.Length > 1 && row.Before[1].Length > 0 ? CellValue.Value(row.Before[1], line) : null;
            KpiValue? target = row.Before.Length > 2 && row.Before[2].Length > 0 ? CellValue.Value(row.Before[2], line) : null;
            return Build(row, header, CellText.IndicatorName(indicator), baseline, target, note: null, isGoal: true);
        }

        private KpiRecord? MeasureKpi(Row row, Header header)
        {
            string kpiText = row.Before.Skip(1).LastOrDefault(c => c.Length > 0) ?? string.Empty;
            if (kpiText.Length == 0 && row.Project is null)
            {
                return null;
            }

            Citation line = document.Cite(row.Line);
            System.Text.RegularExpressions.Match kpi = KpiPattern().Match(kpiText);
            if (kpi.Success)
            {
                KpiValue baseline = Period(CellValue.Value(kpi.Groups["base"].Value, line), row, header);
                KpiValue target = Period(CellValue.Value(kpi.Groups["target"].Value, line), row, header);
                string indicator = CellText.IndicatorName(kpi.Groups["ind"].Value);
                if (baseline.Unit is not null && target.Unit is not null && baseline.Unit != target.Unit)
                {
                    Notes.Add(new DataQualityNote(
                        document.City,
                        "unit-mismatch",
                        $"「{indicator}」の基準値「{baseline.Text}」と目標値「{target.Text}」の単位が異なる ({baseline.Unit} / {target.Unit})。記載のまま保持。",
                        [line]) { Subjects = [indicator, .. row.Project is null ? Array.Empty<string>() : [row.Project]] });
                }

                return Build(row, header, indicator, baseline, target, note: null, isGoal: false);
            }

            // No KPI: 「KPIの設定が困難なため設定しない」 or 「農作業受託面積 目標値の設定が困難なため、実績値の管理とする」.
            System.Text.RegularExpressions.Match none = NoKpiPattern().Match(kpiText);
            if (none.Success)
            {
                string name = none.Groups["ind"].Value.Trim();
                string note = none.Groups["note"].Value.Trim();
                return Build(row, header, name.Length > 0 ? CellText.IndicatorName(name) : note, null, null, note, isGoal: false);
            }

            return Build(row, header, CellText.IndicatorName(kpiText.Length > 0 ? kpiText : row.Project!), null, null, kpiText.Length > 0 ? null : NoKpiWritten, isGoal: false);
        }

        /// <summary>(5年間) / (各年度) name the table's span rather than a year: the period becomes the span.</summary>
        private static KpiValue Period(KpiValue value, Row row, Header header)
        {
            if (value.Period is not null || value.Note is null)
            {
                return value;
            }

            bool whole = value.Note.Contains("年間", StringComparison.Ordinal) && !value.Note.Contains('第');
            bool each = value.Note.Contains("各年度", StringComparison.Ordinal) || value.Note.Contains("毎年度", StringComparison.Ordinal);
            if (!whole && !each)
            {
                return value;
            }

            bool cumulative = whole && header.TotalOffset > 0 && header.TotalOffset < row.TargetCells.Length
                && Quantity.TryParse(row.TargetCells[header.TotalOffset], out _);
            FiscalPeriod span = header.Span;
            return value with { Period = new FiscalPeriod(span.Start, span.End, value.Note, cumulative) };
        }

        private KpiRecord Build(Row row, Header header, string indicator, KpiValue? baseline, KpiValue? target, string? note, bool isGoal)
        {
            // Where baseline and target disagree on the unit (a note is made), the bare yearly figures get none.
            string? unit = baseline?.Unit is not null && target?.Unit is not null && baseline.Unit != target.Unit
                ? null
                : CellValue.UnitOf(target, baseline);
            var series = new List<YearlyValue>();
            foreach ((int offset, FiscalYear year) in header.Years)
            {
                FiscalPeriod period = new(year, year, year.ToJapanese());
                KpiValue? t = Cell(row.TargetCells, offset, row.Line, period, unit);
                KpiValue? a = row.ActualCells is null ? null : Cell(row.ActualCells, offset, row.ActualLine, period, unit);
                if (t is not null || a is not null)
                {
                    series.Add(new YearlyValue(year, t, a));
                }
            }

            FiscalYear reportYear = header.ReportYear ?? header.Years[0].Year;
            KpiValue? actual = series.FirstOrDefault(s => s.Year == reportYear)?.Actual;
            string? comment = header.CommentOffset > 0 && header.CommentOffset < row.TargetCells.Length ? row.TargetCells[header.CommentOffset] : null;
            (string? assessment, string? outlook) = isGoal ? (comment is { Length: > 0 } ? comment : null, null) : CellText.SplitComment(comment);
            return new KpiRecord
            {
                Id = $"{document.File}:{row.Line}",
                City = document.City,
                Source = document.Cite(row.Line, row.LastLine),
                Goal = row.Goal,
                Measure = isGoal ? null : row.Measure,
                Project = isGoal ? null : row.Project,
                Indicator = indicator,
                IsGoalTarget = isGoal,
                Unit = unit,
                Baseline = baseline,
                Target = target,
                Actual = actual,
                Series = series,
                Assessment = assessment,
                Outlook = outlook,
                Note = note,
            };
        }

        private KpiValue? Cell(string[] cells, int offset, int line, FiscalPeriod period, string? unit)
        {
            if (offset >= cells.Length || cells[offset].Length == 0)
            {
                return null;
            }

            return CellValue.Value(cells[offset], document.Cite(line), period, unit);
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

    [GeneratedRegex(@"^(?<ind>.+?)\s*[／/]\s*(?<base>[^→]+?)\s*→\s*(?<target>.+)$")]
    private static partial Regex KpiPattern();

    [GeneratedRegex(@"^(?<ind>.*?)\s*(?<note>(?:KPI|ＫＰＩ|目標値|指標)の設定が困難.*)$")]
    private static partial Regex NoKpiPattern();

    [GeneratedRegex(@"^(?<kind>小計|合計)\s*[(（]\s*事業数\s*[:：]\s*(?<projects>\d+)\s*[、,]\s*KPI数\s*[:：]\s*(?<kpis>\d+)\s*[)）]")]
    private static partial Regex SubtotalPattern();
}
