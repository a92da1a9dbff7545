using System.Text.RegularExpressions;
using StrategyAssistant.Documents;

using StrategyAssistant.Ingestion.Layout;
using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion.Interpreters;

/// <summary>Reads committee slides on a strategy's progress (e.g. 岩見沢市 令和4年度 総合戦略等推進委員会):
/// statistics tables by year (区分 / 2015年 / 2016年 …), the KPI table per 基本目標 (基準値 / 目標値 / 実績 / 状況) with the
/// footnotes that date its values, the per-事業 tables (項目 / 基準値 / 2020年度 / 目標値 / 見直しの方向性) with the 事業 and the
/// projects it bundles, the per-goal totals (○総合戦略関連事業 9事業 1億1,118万円) and the 事業費 / 交付金 table by year.</summary>
public sealed partial class StatusKpiTableInterpreter : INotationInterpreter
{
    private static readonly string[] s_statusMarkers = ["新規登載", "新規事業", "新規登録"];

    public string Name => "committee-slides";

    public bool Claims(LayoutLines document)
    {
        foreach (string line in document.Lines)
        {
            if (!line.Contains('\t', StringComparison.Ordinal))
            {
                continue;
            }

            string[] cells = CellText.Cells(line);
            if (GoalKpiHeader.TryRead(cells, out _) || ProjectKpiHeader.TryRead(cells, out _))
            {
                return true;
            }
        }

        return false;
    }

    public RecordSet Read(LayoutLines document)
    {
        var reader = new Reader(document);
        reader.Run();
        return new RecordSet(reader.Kpis, reader.Projects, reader.Notes);
    }

    /// <summary>基準値 / 目標値 / 実績 / 状況 columns of a goal's KPI table.</summary>
    private sealed record GoalKpiHeader(int Baseline, int Target, int Actual, int Status)
    {
        public static bool TryRead(string[] cells, out GoalKpiHeader header)
        {
            header = null!;
            int b = Array.IndexOf(cells, "基準値");
            int t = Array.IndexOf(cells, "目標値");
            int a = Array.FindIndex(cells, c => c is "実績" or "実績値");
            int s = Array.IndexOf(cells, "状況");
            if (b < 1 || t < 0 || a < 0 || s < 0)
            {
                return false;
            }

            header = new GoalKpiHeader(b, t, a, s);
            return true;
        }
    }

    private enum ValueKind
    {
        Baseline,
        Actual,
        Target,
    }

    /// <summary>項目 / 基準値 / 2020年度 / 目標値 of a project's KPI table: the value columns in their order.</summary>
    private sealed record ProjectKpiHeader(int Item, IReadOnlyList<(ValueKind Kind, FiscalPeriod? Year)> Values)
    {
        public static bool TryRead(string[] cells, out ProjectKpiHeader header)
        {
            header = null!;
            int item = Array.IndexOf(cells, "項目");
            if (item < 0)
            {
                return false;
            }

            var values = new List<(ValueKind, FiscalPeriod?)>();
            for (int i = item + 1; i < cells.Length; i++)
            {
                string c = cells[i];
                if (c.Length == 0)
                {
                    continue;
                }

                if (c.StartsWith("基準", StringComparison.Ordinal))
                {
                    values.Add((ValueKind.Baseline, FiscalYearParser.Parse(c)));
                }
                else if (c.StartsWith("目標", StringComparison.Ordinal))
                {
                    values.Add((ValueKind.Target, FiscalYearParser.Parse(c)));
                }
                else if (c.StartsWith("実績", StringComparison.Ordinal) || CellValue.HeaderYear(c) is not null)
                {
                    values.Add((ValueKind.Actual, FiscalYearParser.Parse(c)));
                }
            }

            if (!values.Any(v => v.Item1 == ValueKind.Baseline) || !values.Any(v => v.Item1 == ValueKind.Target))
            {
                return false;
            }

            header = new ProjectKpiHeader(item, values);
            return true;
        }
    }

    private sealed class Reader(LayoutLines document)
    {
        private readonly FiscalPeriod? _plan = HeadingParser.PlanPeriod(document.Lines);
        private readonly Dictionary<string, (string Project, string? Qualifier)> _shared = new(StringComparer.Ordinal);
        private readonly List<(int Line, string Written, int Stated, Goal? Goal)> _goalTotals = [];
        private Goal? _goal;
        private FiscalPeriod? _kpiYear;
        private readonly HashSet<int> _headings = [];

        public List<KpiRecord> Kpis { get; } = [];

        public List<ProjectRecord> Projects { get; } = [];

        public List<DataQualityNote> Notes { get; } = [];

        public void Run()
        {
            int n = 1;
            while (n <= document.LineCount)
            {
                string raw = document.Line(n);
                string text = CellText.Clean(raw);
                string[] cells = CellText.Cells(raw);
                if (text.StartsWith('【') && HeadingParser.Goal(text) is { } goal)
                {
                    _goal = goal;
                    n++;
                    continue;
                }

                if (cells.Length == 1 && text.Contains("重要業績評価指標", StringComparison.Ordinal) && FiscalYearParser.Parse(text) is { } kpiYear)
                {
                    // 重要業績評価指標 (2020年): the year of the actuals in the tables that follow.
                    _kpiYear = kpiYear;
                }

                if (GoalKpiHeader.TryRead(cells, out GoalKpiHeader gh))
                {
                    n = ReadGoalKpis(n, gh);
                    continue;
                }

                if (ProjectKpiHeader.TryRead(cells, out ProjectKpiHeader ph))
                {
                    n = ReadProjectKpis(n, ph);
                    continue;
                }

                if (StatisticsHeader(cells, out int firstYear))
                {
                    n = ReadStatistics(n, cells, firstYear);
                    continue;
                }

                if (GoalTotalPattern().Match(text) is { Success: true } total)
                {
                    ReadGoalTotal(n, total);
                }
                else
                {
                    ReadBudgetCells(n, cells);
                }

                n++;
            }

            LinkShared();
            CheckGoalTotals();
        }

        // ---- KPI table per 基本目標 ----------------------------------------------------------------------------

        private int ReadGoalKpis(int headerLine, GoalKpiHeader h)
        {
            FiscalPeriod? actualYear = _kpiYear;

            var rows = new List<(KpiRecord Record, string? Mark)>();
            string? aspect = null;
            int n = headerLine + 1;
            for (; n <= document.LineCount; n++)
            {
                string raw = document.Line(n);
                string[] cells = CellText.Cells(raw);
                if (cells.All(c => c.Length == 0) || cells.Length <= h.Status)
                {
                    break;
                }

                if (h.Baseline >= 2 && cells[0].Length > 0)
                {
                    aspect = cells[0];
                }

                string indicatorCell = cells[h.Baseline - 1];
                if (indicatorCell.Length == 0)
                {
                    continue;
                }

                Citation cite = document.Cite(n);
                (string? mark, string name) = CellText.SplitCircledMark(indicatorCell);
                KpiValue? baseline = Cell(cells, h.Baseline, cite, null);
                KpiValue? target = Cell(cells, h.Target, cite, null);
                KpiValue? actual = Cell(cells, h.Actual, cite, actualYear);
                string status = cells[h.Status];
                var record = new KpiRecord
                {
                    Id = $"{document.File}:{n}",
                    City = document.City,
                    Source = cite,
                    Goal = _goal,
                    Measure = aspect is null ? null : new Measure(null, CellText.IndicatorName(aspect)),
                    Indicator = CellText.IndicatorName(name),
                    IsGoalTarget = true,
                    Unit = CellValue.UnitOf(target, baseline, actual),
                    Baseline = baseline,
                    Target = target,
                    Actual = actual,
                    Status = status.Length == 0 ? null : status,
                };
                rows.Add((record, mark));
            }

            // Footnotes under the table date the values: ①課税状況調 (基準値: 2018年、目標値: 計画期間終了時点).
            var footnotes = new Dictionary<char, (int Line, string Text)>();
            for (int f = n; f <= Math.Min(document.LineCount, n + 24); f++)
            {
                string t = CellText.Clean(document.Line(f));
                if (t.Contains('\t', StringComparison.Ordinal) || t.StartsWith('【') || GoalKpiHeader.TryRead(CellText.Cells(document.Line(f)), out _))
                {
                    break;
                }

                foreach (char mark in CellText.LeadingCircled(t))
                {
                    footnotes[mark] = (f, t);
                }
            }

            foreach ((KpiRecord record, string? mark) in rows)
            {
                KpiRecord r = record;
                if (mark is { Length: 1 } && footnotes.TryGetValue(mark[0], out (int Line, string Text) note))
                {
                    r = ApplyFootnote(r, note.Line, note.Text);
                }

                Kpis.Add(r);
            }

            return n;
        }

        private KpiRecord ApplyFootnote(KpiRecord record, int line, string text)
        {
            System.Text.RegularExpressions.Match m = FootnotePattern().Match(text);
            string source = m.Success ? m.Groups["source"].Value.Trim() : text;
            KpiValue? baseline = record.Baseline;
            KpiValue? target = record.Target;
            if (m.Success && m.Groups["base"].Success && baseline is not null)
            {
                string written = m.Groups["base"].Value.Trim();
                FiscalPeriod? period = FiscalYearParser.Parse(YearSpan().Replace(written, "$1年～$2年"));
                baseline = baseline with { Period = period is null ? baseline.Period : period with { Text = written }, Note = Join(baseline.Note, "基準値: " + written) };
            }

            if (m.Success && m.Groups["target"].Success && target is not null)
            {
                string written = m.Groups["target"].Value.Trim();
                target = target with { Period = PlanPeriodFor(written, cumulative: false) ?? target.Period, Note = Join(target.Note, "目標値: " + written) };
            }

            return record with
            {
                Baseline = baseline,
                Target = target,
                Note = "出典: " + source,
                RelatedSources = [.. record.RelatedSources, document.Cite(line)],
            };
        }

        // ---- KPI table per 事業 --------------------------------------------------------------------------------

        private int ReadProjectKpis(int headerLine, ProjectKpiHeader h)
        {
            // The heading (○事業名 (構成事業・…) 新規登載) stands a few lines above the table header.
            int headingLine = 0;
            string? status = null;
            for (int back = headerLine - 1; back >= Math.Max(1, headerLine - 12); back--)
            {
                string t = CellText.Clean(document.Line(back));
                if (Array.IndexOf(s_statusMarkers, t) >= 0)
                {
                    status = t;
                }

                if (t.StartsWith('○') && !GoalTotalPattern().IsMatch(t))
                {
                    headingLine = back;
                    break;
                }

                if (ProjectKpiHeader.TryRead(CellText.Cells(document.Line(back)), out _) || (t.StartsWith('【') && t.Contains("基本目標", StringComparison.Ordinal)))
                {
                    break;
                }
            }

            if (headingLine > 0 && !_headings.Add(headingLine))
            {
                // A heading already read with an earlier table: this table has none of its own.
                headingLine = 0;
            }

            string heading = headingLine > 0 ? CellText.Clean(document.Line(headingLine)).TrimStart('○').Trim() : string.Empty;
            foreach (string marker in s_statusMarkers)
            {
                if (heading.EndsWith(marker, StringComparison.Ordinal))
                {
                    status ??= marker;
                    heading = heading[..^marker.Length].Trim();
                }
            }

            string? projectName = heading.Length > 0 ? heading : null;
            var indicators = new List<string>();
            string? description = null;
            string? outlook = null;
            (string Project, string? Qualifier)? shared = null;
            int last = headerLine;
            int n = headerLine + 1;
            int count = h.Values.Count;
            var records = new List<KpiRecord>();
            for (; n <= document.LineCount; n++)
            {
                string[] cells = CellText.Cells(document.Line(n));
                if (cells.All(c => c.Length == 0) || cells.Length <= h.Item)
                {
                    break;
                }

                last = n;
                if (h.Item > 0 && cells[0].Length > 0)
                {
                    description ??= cells[0];
                }

                int outlookIndex = h.Item + count + 1;
                if (outlookIndex < cells.Length && cells[outlookIndex].Length > 0)
                {
                    outlook ??= cells[outlookIndex];
                }

                string indicatorCell = cells[h.Item];
                if (indicatorCell.Length == 0)
                {
                    continue;
                }

                Citation cite = document.Cite(n);
                string[] valueCells = [.. Enumerable.Range(h.Item + 1, count).Select(i => i < cells.Length ? cells[i] : string.Empty)];
                System.Text.RegularExpressions.Match common = SharedPattern().Match(valueCells[0]);
                if (common.Success)
                {
                    shared = (common.Groups["project"].Value.Trim(), common.Groups["q"].Success ? common.Groups["q"].Value.Trim() : null);
                }
                else if (valueCells.Any(v => v.Length > 0))
                {
                    shared = null;
                }

                KpiValue? baseline = null;
                KpiValue? actual = null;
                KpiValue? target = null;
                if (shared is null)
                {
                    for (int i = 0; i < count; i++)
                    {
                        (ValueKind kind, FiscalPeriod? year) = h.Values[i];
                        KpiValue? v = valueCells[i].Length == 0 ? null : CellValue.Value(valueCells[i], cite, year);
                        if (v is not null && kind == ValueKind.Target)
                        {
                            v = TargetPeriod(v);
                        }

                        switch (kind)
                        {
                            case ValueKind.Baseline: baseline ??= v; break;
                            case ValueKind.Actual: actual ??= v; break;
                            default: target ??= v; break;
                        }
                    }
                }

                string indicator = CellText.IndicatorName(indicatorCell);
                indicators.Add(indicator);
                var record = new KpiRecord
                {
                    Id = $"{document.File}:{n}",
                    City = document.City,
                    Source = cite,
                    Goal = _goal,
                    Project = projectName,
                    Indicator = indicator,
                    Unit = CellValue.UnitOf(target, baseline, actual),
                    Baseline = baseline,
                    Target = target,
                    Actual = actual,
                    Note = shared is null ? null : SharedText(shared.Value),
                };
                records.Add(record);
                if (shared is not null)
                {
                    _shared[record.Id] = shared.Value;
                }
            }

            foreach (KpiRecord r in records)
            {
                Kpis.Add(outlook is null ? r : r with { Outlook = outlook });
            }

            if (projectName is not null)
            {
                int from = headingLine > 0 ? headingLine : headerLine;
                Projects.Add(new ProjectRecord
                {
                    Id = $"{document.File}:{from}",
                    City = document.City,
                    Source = document.Cite(from, Math.Max(from, last), CellText.Clean(document.Line(from))),
                    Goal = _goal,
                    Name = projectName,
                    Status = status,
                    Description = description,
                    Components = Components(projectName),
                    Kpis = [.. indicators.Distinct(StringComparer.Ordinal)],
                });
            }

            return n;
        }

        private static string SharedText((string Project, string? Qualifier) shared) =>
            $"{shared.Project}との共通指標" + (shared.Qualifier is null ? string.Empty : $" ({shared.Qualifier})");

        /// <summary>(5年間の合計), (計画終了時), (毎年度実績): the plan's span or end.</summary>
        private KpiValue TargetPeriod(KpiValue value)
        {
            if (value.Period is not null || value.Note is null)
            {
                return value;
            }

            bool cumulative = value.Note.Contains("合計", StringComparison.Ordinal) || value.Note.Contains("累計", StringComparison.Ordinal);
            return value with { Period = PlanPeriodFor(value.Note, cumulative) };
        }

        private FiscalPeriod? PlanPeriodFor(string written, bool cumulative)
        {
            if (_plan is null)
            {
                return null;
            }

            if (written.Contains("終了", StringComparison.Ordinal))
            {
                return new FiscalPeriod(_plan.End, _plan.End, written);
            }

            if (written.Contains("年間", StringComparison.Ordinal) || written.Contains("毎年度", StringComparison.Ordinal)
                || written.Contains("各年度", StringComparison.Ordinal) || written.Contains("計画期間", StringComparison.Ordinal))
            {
                return new FiscalPeriod(_plan.Start, _plan.End, written, cumulative);
            }

            return null;
        }

        /// <summary>観光振興戦略推進事業 (観光振興戦略推進事業・ふるさと毛陽地域振興事業・北村温泉施設整備事業) → the bundled projects.</summary>
        internal static IReadOnlyList<string> Components(string heading)
        {
            System.Text.RegularExpressions.Match m = TrailingParenthesis().Match(heading);
            if (!m.Success)
            {
                return [];
            }

            string inner = m.Groups["inner"].Value;
            int colon = inner.IndexOfAny(['：', ':']);
            if (colon >= 0)
            {
                inner = inner[(colon + 1)..];
            }

            string[] items = [.. inner.Split('・').Select(s => s.Trim()).Where(s => s.Length > 0)];
            return items.Length > 0 && items.All(i => ProjectWord().IsMatch(i)) ? items : [];
        }

        // ---- statistics tables -----------------------------------------------------------------------------

        private static bool StatisticsHeader(string[] cells, out int firstYear)
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

        private int ReadStatistics(int headerLine, string[] header, int firstYear)
        {
            string? title = null;
            for (int back = headerLine - 1; back >= Math.Max(1, headerLine - 4); back--)
            {
                string t = CellText.Clean(document.Line(back));
                if (t.StartsWith('○') || t.StartsWith('【'))
                {
                    title = BracketNote().Replace(t.TrimStart('○').Trim(), string.Empty).Trim();
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
            for (; n <= document.LineCount; n++)
            {
                string[] cells = CellText.Cells(document.Line(n));
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

                Citation cite = document.Cite(n);
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
                if (title is not null && PlaceName().IsMatch(name))
                {
                    int of = title.LastIndexOf('の');
                    name = $"{(of >= 0 ? title[(of + 1)..] : title)} ({name})";
                }

                KpiValue? latest = series.LastOrDefault(s => s.Actual?.Number is not null)?.Actual ?? series[^1].Actual;
                Kpis.Add(new KpiRecord
                {
                    Id = $"{document.File}:{n}",
                    City = document.City,
                    Source = cite,
                    Measure = group is null ? null : new Measure(null, CellText.IndicatorName(group)),
                    Indicator = name,
                    Unit = latest?.Unit,
                    Actual = latest,
                    Series = series,
                    Note = title,
                    RelatedSources = [document.Cite(headerLine)],
                });
            }

            return n;
        }

        // ---- budgets -------------------------------------------------------------------------------------------

        private void ReadGoalTotal(int line, System.Text.RegularExpressions.Match m)
        {
            Money? money = CellValue.ParseMoney(m.Groups["amount"].Value);
            if (money is null)
            {
                return;
            }

            // The total heads the goal it belongs to: take the next 【基本目標N】 within a few lines, else the current goal.
            Goal? goal = _goal;
            string? remark = null;
            FiscalPeriod? year = null;
            for (int f = line + 1; f <= Math.Min(document.LineCount, line + 8); f++)
            {
                string t = CellText.Clean(document.Line(f));
                if (t.StartsWith('※') && remark is null)
                {
                    remark = t;
                    year = FiscalYearParser.Parse(t);
                }

                if (t.StartsWith('【') && HeadingParser.Goal(t) is { } next)
                {
                    goal = next;
                    break;
                }

                if (t.StartsWith('○'))
                {
                    break;
                }
            }

            string written = CellText.Clean(document.Line(line));
            int stated = CellValue.ParseInt(m.Groups["count"].Value);
            Projects.Add(new ProjectRecord
            {
                Id = $"{document.File}:{line}",
                City = document.City,
                Source = document.Cite(line),
                Goal = goal,
                Name = m.Groups["name"].Value,
                Budget = money,
                BudgetYear = year,
                Description = $"{m.Groups["count"].Value}事業" + (remark is null ? string.Empty : " " + remark),
            });
            _goalTotals.Add((line, written, stated, goal));
        }

        private void ReadBudgetCells(int line, string[] cells)
        {
            for (int i = 0; i < cells.Length; i++)
            {
                string cell = cells[i];
                if (cell.Length == 0)
                {
                    continue;
                }

                foreach (System.Text.RegularExpressions.Match m in BudgetPattern().Matches(cell))
                {
                    Money? money = CellValue.ParseMoney(m.Groups["amount"].Value);
                    if (money is null)
                    {
                        continue;
                    }

                    string name = m.Groups["name"].Value;
                    bool grant = m.Groups["kind"].Value.Contains("交付金", StringComparison.Ordinal);
                    string note = m.Groups["note"].Value.Trim();
                    Projects.Add(new ProjectRecord
                    {
                        Id = $"{document.File}:{line}:{i}:{m.Index}",
                        City = document.City,
                        Source = document.Cite(line, line, m.Value),
                        Name = name,
                        Budget = money,
                        BudgetYear = FiscalYearParser.Parse(note) ?? ColumnYear(line, i),
                        Grant = grant ? name : null,
                        Description = (m.Groups["count"].Success ? m.Groups["count"].Value + " " : string.Empty) + m.Groups["kind"].Value + " (" + note + ")",
                    });
                }

                foreach (System.Text.RegularExpressions.Match m in AdoptedPattern().Matches(cell))
                {
                    Money? money = CellValue.ParseMoney(m.Groups["amount"].Value);
                    if (money is null)
                    {
                        continue;
                    }

                    string grant = m.Groups["grant"].Value;
                    Projects.Add(new ProjectRecord
                    {
                        Id = $"{document.File}:{line}:{i}:{m.Index}",
                        City = document.City,
                        Source = document.Cite(line, line, m.Value),
                        Name = grant + " 採択事業",
                        Budget = money,
                        BudgetYear = ColumnYear(line, i),
                        Grant = grant,
                        Description = $"計 {m.Groups["count"].Value}事業",
                        Components = Items(m.Groups["items"].Value),
                    });
                }

                if (TotalAdoptedPattern().Match(cell) is { Success: true } all && CellValue.ParseMoney(all.Groups["amount"].Value) is { } sum)
                {
                    // 延べ 26事業 681,185千円 under a cell listing （主な採択事業） ・A ・B … in the row above.
                    string above = line > 1 ? Cell(CellText.Cells(document.Line(line - 1)), i) : string.Empty;
                    bool listed = above.Contains("採択事業", StringComparison.Ordinal) && !AdoptedPattern().IsMatch(above);
                    Projects.Add(new ProjectRecord
                    {
                        Id = $"{document.File}:{line}:{i}:{all.Index}",
                        City = document.City,
                        Source = listed ? document.Cite(line - 1, line, above + " " + all.Value) : document.Cite(line, line, all.Value),
                        Name = listed && above.Contains("主な採択事業", StringComparison.Ordinal) ? "主な採択事業 (延べ)" : "採択事業 (延べ)",
                        Budget = sum,
                        BudgetYear = ColumnYear(line, i),
                        Description = all.Value,
                        Components = listed ? Items(above[(above.IndexOf('）') + 1)..]) : [],
                    });
                }
            }
        }

        private static string Cell(string[] cells, int i) => i < cells.Length ? cells[i] : string.Empty;

        private static IReadOnlyList<string> Items(string text) =>
            [.. ItemSeparator().Split(text).Select(s => s.Trim()).Where(s => s.Length > 0 && s != "など").Select(s => s.EndsWith(" など", StringComparison.Ordinal) ? s[..^3].Trim() : s)];

        /// <summary>The period of column <paramref name="column"/> in the header row above (令和2年度（実績）…).</summary>
        private FiscalPeriod? ColumnYear(int line, int column)
        {
            for (int back = line - 1; back >= Math.Max(1, line - 6); back--)
            {
                string[] cells = CellText.Cells(document.Line(back));
                int withYears = cells.Count(c => c.Length > 0 && FiscalYearParser.Parse(c) is not null && !BudgetPattern().IsMatch(c));
                if (withYears >= 3 && withYears == cells.Count(c => c.Length > 0))
                {
                    return column < cells.Length ? FiscalYearParser.Parse(cells[column]) : null;
                }
            }

            return null;
        }

        // ---- cross-checks ----------------------------------------------------------------------------------

        /// <summary>A row 「Xとの共通指標」 reports the same indicator as project X: it takes X's values, citing X's row.</summary>
        private void LinkShared()
        {
            for (int i = 0; i < Kpis.Count; i++)
            {
                KpiRecord record = Kpis[i];
                if (!_shared.TryGetValue(record.Id, out (string Project, string? Qualifier) reference))
                {
                    continue;
                }

                string key = NameSimilarity.Key(record.Indicator);
                string projectKey = NameSimilarity.Key(reference.Project);
                KpiRecord? match = Kpis
                    .Where(k => k.Note is null && k.Project is not null && k.Baseline is not null)
                    .Where(k => Similar(NameSimilarity.Key(k.Indicator), key))
                    .Where(k => Similar(NameSimilarity.Key(BaseName(k.Project!)), projectKey) || NameSimilarity.Key(k.Project!).StartsWith(projectKey, StringComparison.Ordinal))
                    .OrderByDescending(k => NameSimilarity.Key(k.Indicator) == key)
                    .ThenByDescending(k => reference.Qualifier is not null && k.Project!.Contains(reference.Qualifier, StringComparison.Ordinal))
                    .FirstOrDefault();
                if (match is null)
                {
                    continue;
                }

                Kpis[i] = record with
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

        /// <summary>The same name, or the same name with one word written in kana instead of kanji (暮らし / くらし).</summary>
        private static bool Similar(string a, string b)
        {
            if (a == b)
            {
                return true;
            }

            if (Math.Min(a.Length, b.Length) < 8 || NameSimilarity.Distance(a, b) > 1)
            {
                return false;
            }

            int start = 0;
            while (start < a.Length && start < b.Length && a[start] == b[start])
            {
                start++;
            }

            bool Hiragana(string s) => start < s.Length && s[start] is >= '\u3041' and <= '\u309F';
            return Hiragana(a) || Hiragana(b);
        }

        /// <summary>○総合戦略関連事業 7事業 … stated per goal, against the projects the slides show under that goal.</summary>
        private void CheckGoalTotals()
        {
            foreach ((int line, string written, int stated, Goal? goal) in _goalTotals)
            {
                if (goal is null)
                {
                    continue;
                }

                ProjectRecord[] shown = [.. Projects.Where(p => p.Goal?.Number == goal.Number && p.Budget is null)];
                if (shown.Length == stated || shown.Length == 0)
                {
                    continue;
                }

                // The document's own ※ footnote under the stated count, quoted as written (none: no remark).
                int footnote = Enumerable.Range(line + 1, Math.Max(0, Math.Min(10, document.LineCount - line)))
                    .FirstOrDefault(n => CellText.Clean(document.Line(n)).StartsWith('※'));
                string remark = footnote == 0 ? string.Empty : $"資料の注記は「{CellText.Clean(document.Line(footnote)).TrimStart('※').Trim()}」。";
                Notes.Add(new DataQualityNote(
                    document.City,
                    "count-mismatch",
                    $"基本目標{goal.Number}は「{written}」と記載されているが、資料に取組み状況が掲載されている事業は{shown.Length}件"
                        + $" ({string.Join("、", shown.Select(p => p.Name))})。{remark}",
                    [document.Cite(line), .. footnote == 0 ? Array.Empty<Citation>() : [document.Cite(footnote)], .. shown.Select(p => p.Source)])
                { Subjects = [goal.ToString()] });
            }
        }

        private KpiValue? Cell(string[] cells, int index, Citation cite, FiscalPeriod? period) =>
            index < cells.Length && cells[index].Length > 0 ? CellValue.Value(cells[index], cite, period) : null;

        private static string Join(string? a, string b) => a is null ? b : a + " " + b;
    }

    [GeneratedRegex(@"^(?<source>[^(（]*?)\s*[(（](?:基準値\s*[:：]\s*(?<base>[^、,)）]+))?[、,]?\s*(?:目標値\s*[:：]\s*(?<target>[^、,)）]+))?[)）]")]
    private static partial Regex FootnotePattern();

    [GeneratedRegex(@"(\d{4})\s?[~～〜\-]\s?(\d{4})年")]
    private static partial Regex YearSpan();

    [GeneratedRegex(@"^(?<project>.+?)との共通指標\s*(?:[(（](?<q>[^)）]+)[)）])?$")]
    private static partial Regex SharedPattern();

    [GeneratedRegex(@"\s?[(（](?<inner>[^()（）]+)[)）]$")]
    private static partial Regex TrailingParenthesis();

    [GeneratedRegex(@"(?:事業|補助金|交付金|助成金)$")]
    private static partial Regex ProjectWord();

    [GeneratedRegex(@"【[^】]*】")]
    private static partial Regex BracketNote();

    [GeneratedRegex(@"^(?:国|全国|.+[市町村道県府都])$")]
    private static partial Regex PlaceName();

    [GeneratedRegex(@"^○\s*(?<name>\S+?事業)\s*(?<count>\d+)事業\s*(?<amount>\d[\d,.]*億(?:[\d,]+万)?円|[\d,]+万円|[\d,]+千円|[\d,]+円)$")]
    private static partial Regex GoalTotalPattern();

    [GeneratedRegex(@"(?<name>[^\s○（(・]+?事業)(?<count>\d+事業)?\s*(?<kind>事業費|交付金額)\s*(?<amount>\d[\d,.]*億(?:[\d,]+万)?円|[\d,]+万円|[\d,]+千円|[\d,]+円)\s*[（(](?<note>[^）)]+)[）)]")]
    private static partial Regex BudgetPattern();

    [GeneratedRegex(@"○\s*(?<grant>[^\s・○]+交付金)\s*(?<items>(?:・.+?)+?)\s*計\s*(?<count>\d+)事業\s*(?<amount>[\d,]+千円|[\d,]+万円|[\d,]+円)")]
    private static partial Regex AdoptedPattern();

    [GeneratedRegex(@"延べ\s*(?<count>\d+)事業\s*(?<amount>[\d,]+千円|[\d,]+万円|\d[\d,.]*億(?:[\d,]+万)?円)")]
    private static partial Regex TotalAdoptedPattern();

    [GeneratedRegex(@"(?:^|\s)・")]
    private static partial Regex ItemSeparator();
}
