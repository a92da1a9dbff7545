using System.Globalization;
using System.Text;
using StrategyAssistant.Records;

namespace StrategyAssistant.Cli.Commands;

/// <summary><c>records export --format csv</c> for people who open it in Japanese Excel: Japanese column names
/// (指標, 基準値, 基準年度 …), each year as the document writes it (令和元年度, H30) beside the normalised one (FY2019),
/// the document named by its title as well as its file. Same files (kpis.csv, projects.csv, notes.csv, totals.csv), UTF-8
/// with BOM, written atomically. <c>--headers en</c> keeps <see cref="RecordExport"/>'s English names.</summary>
internal static class JapaneseCsv
{
    private static readonly UTF8Encoding s_utf8Bom = new(encoderShouldEmitUTF8Identifier: true);

    private static readonly string[] s_kpiHeader =
    [
        "ID", "市", "資料", "ファイル", "行", "終了行", "基本目標番号", "基本目標", "施策記号", "施策", "事業", "指標", "基本目標の数値目標", "単位",
        "基準値（原文）", "基準値", "基準年度（原文）", "基準年度", "目標値（原文）", "目標値", "目標年度（原文）", "目標年度",
        "実績値（原文）", "実績値", "実績年度（原文）", "実績年度", "進捗状況", "評価", "評価の観点", "担当部局", "所見", "今後の方向性", "関連する出典",
        "位置", "基準値の位置", "目標値の位置", "実績値の位置",
    ];

    private static readonly string[] s_projectHeader =
    [
        "ID", "市", "資料", "ファイル", "行", "基本目標番号", "基本目標", "施策記号", "施策", "番号", "事業名", "部局", "予算事業費", "単位",
        "予算事業費（原文）", "予算年度（原文）", "予算年度", "事業内容", "新規・継続", "再掲", "交付金", "構成事業", "KPI", "位置",
    ];

    private static readonly Dictionary<string, string> s_otherHeaders = new(StringComparer.Ordinal)
    {
        ["city"] = "市", ["kind"] = "種類", ["message"] = "内容", ["subjects"] = "対象", ["sources"] = "出典", ["file"] = "ファイル", ["line"] = "行",
        ["label"] = "表示", ["goalNumber"] = "基本目標番号", ["goal"] = "基本目標", ["countText"] = "事業数（原文）", ["repeatsText"] = "再掲数（原文）",
        ["countExcludingRepeatsText"] = "再掲を除く事業数（原文）", ["budgetText"] = "事業費（原文）", ["budget"] = "事業費",
        ["budgetExcludingRepeatsText"] = "再掲を除く事業費（原文）", ["budgetExcludingRepeats"] = "再掲を除く事業費", ["budgetUnit"] = "単位",
        ["listedCount"] = "一覧の事業数", ["listedRepeats"] = "一覧の再掲数", ["listedBudget"] = "一覧の事業費の和",
        ["listedBudgetExcludingRepeats"] = "一覧の再掲を除く事業費の和", ["agrees"] = "一致", ["location"] = "位置",
    };

    public static IReadOnlyList<string> Write(RecordSet records, IReadOnlyDictionary<string, string> titles, string directory, string? city)
    {
        RecordSet set = RecordExport.ForCity(records, city);
        Directory.CreateDirectory(directory);
        string Title(string file) => titles.TryGetValue(file, out string? t) ? t : file;
        var written = new List<string>();
        void Save(string name, string text)
        {
            string path = Path.Combine(directory, name);
            RecordExport.WriteAtomically(path, text, s_utf8Bom);
            written.Add(path);
        }

        Save(RecordExport.KpiCsvFileName, Csv(s_kpiHeader, set.Kpis.Select(k => (IEnumerable<string?>)
        [
            k.Id, k.City, Title(k.Source.File), k.Source.File, Num(k.Source.Line), Num(k.Source.LineEnd), k.Goal is null ? null : Num(k.Goal.Number), k.Goal?.Title,
            k.Measure?.Mark, k.Measure?.Title, k.Project, k.Indicator, k.IsGoalTarget ? "○" : string.Empty, k.Unit,
            .. Value(k.Baseline), .. Value(k.Target), .. Value(k.Actual),
            k.Status, k.Evaluation, k.EvaluationViewpoint, k.Department, k.Assessment, k.Outlook, string.Join(" ", k.RelatedSources.Select(RecordExport.Cited)),
            .. RecordExport.Locations(k),
        ])));
        Save(RecordExport.ProjectCsvFileName, Csv(s_projectHeader, set.Projects.Select(p => (IEnumerable<string?>)
        [
            p.Id, p.City, Title(p.Source.File), p.Source.File, Num(p.Source.Line), p.Goal is null ? null : Num(p.Goal.Number), p.Goal?.Title, p.Measure?.Mark, p.Measure?.Title,
            p.Number, p.Name, p.Department, Dec(p.Budget?.Amount), p.Budget?.Unit, p.Budget?.Text, p.BudgetYear?.Text, p.BudgetYear?.ToString(),
            p.Description, p.Status, p.IsRepeat ? "再掲" : string.Empty, p.Grant, string.Join("、", p.Components), string.Join("、", p.Kpis), p.Source.Location,
        ])));
        Save(RecordExport.NoteCsvFileName, Rename(RecordExport.NotesToCsv(set.Notes)));
        Save(RecordExport.TotalCsvFileName, Rename(RecordExport.TotalsToCsv(set.Totals)));
        return written;
    }

    /// <summary>Text, number, year as written, normalised year.</summary>
    private static string?[] Value(KpiValue? v) => [v?.Text, Dec(v?.Number), v?.Period?.Text, v?.Period?.ToString()];

    /// <summary>The English header row of <see cref="RecordExport"/>'s CSV with Japanese names.</summary>
    private static string Rename(string csv)
    {
        int end = csv.IndexOf("\r\n", StringComparison.Ordinal);
        string header = end < 0 ? csv : csv[..end];
        string renamed = string.Join(',', header.Split(',').Select(h => s_otherHeaders.GetValueOrDefault(h, h)));
        return end < 0 ? renamed : renamed + csv[end..];
    }

    private static string Csv(IEnumerable<string> header, IEnumerable<IEnumerable<string?>> rows)
    {
        var sb = new StringBuilder();
        Row(sb, header);
        foreach (IEnumerable<string?> row in rows)
        {
            Row(sb, row);
        }

        return sb.ToString();
    }

    private static void Row(StringBuilder sb, IEnumerable<string?> cells)
    {
        sb.AppendJoin(',', cells.Select(c => c ?? string.Empty).Select(c => c.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + c.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : c));
        sb.Append("\r\n");
    }

    private static string Num(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string? Dec(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);
}
