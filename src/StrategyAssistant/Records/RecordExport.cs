using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using StrategyAssistant.Documents;

namespace StrategyAssistant.Records;

/// <summary>Writes records as JSON (<c>{"kpis": [...], "projects": [...], "notes": [...], "totals": [...]}</c>) or as CSV in UTF-8 with
/// a BOM (one file per record kind: kpis.csv, projects.csv, notes.csv, totals.csv) so the files open in Excel. Every file is written atomically:
/// a temporary file in the same folder, then a move over the target.</summary>
public static class RecordExport
{
    public const string KpiCsvFileName = "kpis.csv";
    public const string ProjectCsvFileName = "projects.csv";
    public const string NoteCsvFileName = "notes.csv";
    public const string TotalCsvFileName = "totals.csv";

    private static readonly JsonSerializerOptions s_json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly UTF8Encoding s_utf8Bom = new(encoderShouldEmitUTF8Identifier: true);
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private static readonly string[] s_kpiColumns =
    [
        "id", "city", "file", "line", "lineEnd", "goalNumber", "goal", "measureMark", "measure", "project", "indicator", "isGoalTarget", "unit",
        "baselineText", "baseline", "baselineYear", "targetText", "target", "targetYear", "actualText", "actual", "actualYear",
        "status", "evaluation", "evaluationViewpoint", "department", "assessment", "outlook", "relatedSources",
        "location", "baselineLocation", "targetLocation", "actualLocation",
    ];

    private static readonly string[] s_projectColumns =
    [
        "id", "city", "file", "line", "goalNumber", "goal", "measureMark", "measure", "number", "name", "department", "budget", "budgetUnit",
        "budgetText", "budgetYear", "description", "status", "repeat", "grant", "components", "kpis", "location",
    ];

    private static readonly string[] s_noteColumns = ["city", "kind", "message", "subjects", "sources"];

    private static readonly string[] s_totalColumns =
    [
        "city", "file", "line", "kind", "label", "goalNumber", "goal", "countText", "repeatsText", "countExcludingRepeatsText", "budgetText", "budget",
        "budgetExcludingRepeatsText", "budgetExcludingRepeats", "budgetUnit", "listedCount", "listedRepeats", "listedBudget", "listedBudgetExcludingRepeats", "agrees",
        "location",
    ];

    /// <summary>The records of one city (all when <paramref name="city"/> is null or empty).</summary>
    public static RecordSet ForCity(RecordSet records, string? city) =>
        string.IsNullOrEmpty(city)
            ? records
            : new RecordSet(
                [.. records.Kpis.Where(k => k.City == city)],
                [.. records.Projects.Where(p => p.City == city)],
                [.. records.Notes.Where(n => n.City == city)])
            {
                Totals = [.. records.Totals.Where(t => t.City == city)],
            };

    /// <summary>The JSON document <c>{"kpis": [...], "projects": [...], "notes": [...]}</c>.</summary>
    public static string ToJson(RecordSet records, string? city = null)
    {
        RecordSet set = ForCity(records, city);
        var root = new Dictionary<string, object?>
        {
            ["kpis"] = set.Kpis.Select(KpiObject).ToList(),
            ["projects"] = set.Projects.Select(ProjectObject).ToList(),
            ["notes"] = set.Notes.Select(NoteObject).ToList(),
            ["totals"] = set.Totals.Select(TotalObject).ToList(),
        };
        return JsonSerializer.Serialize(root, s_json);
    }

    /// <summary>Writes <see cref="ToJson"/> to <paramref name="path"/> atomically (UTF-8 without BOM).</summary>
    public static void WriteJson(RecordSet records, string path, string? city = null) =>
        WriteAtomically(path, ToJson(records, city), s_utf8);

    public static string KpisToCsv(IEnumerable<KpiRecord> kpis) => Csv(s_kpiColumns, kpis.Select(KpiRow));

    public static string ProjectsToCsv(IEnumerable<ProjectRecord> projects) => Csv(s_projectColumns, projects.Select(ProjectRow));

    public static string NotesToCsv(IEnumerable<DataQualityNote> notes) => Csv(s_noteColumns, notes.Select(NoteRow));

    public static string TotalsToCsv(IEnumerable<ListTotal> totals) => Csv(s_totalColumns, totals.Select(TotalRow));

    /// <summary>Writes kpis.csv, projects.csv, notes.csv and totals.csv (UTF-8 with BOM) into <paramref name="directory"/>, each atomically;
    /// returns the paths written.</summary>
    public static IReadOnlyList<string> WriteCsv(RecordSet records, string directory, string? city = null)
    {
        RecordSet set = ForCity(records, city);
        Directory.CreateDirectory(directory);
        string kpis = Path.Combine(directory, KpiCsvFileName);
        string projects = Path.Combine(directory, ProjectCsvFileName);
        string notes = Path.Combine(directory, NoteCsvFileName);
        string totals = Path.Combine(directory, TotalCsvFileName);
        WriteAtomically(kpis, KpisToCsv(set.Kpis), s_utf8Bom);
        WriteAtomically(projects, ProjectsToCsv(set.Projects), s_utf8Bom);
        WriteAtomically(notes, NotesToCsv(set.Notes), s_utf8Bom);
        WriteAtomically(totals, TotalsToCsv(set.Totals), s_utf8Bom);
        return [kpis, projects, notes, totals];
    }

    /// <summary>Writes <paramref name="text"/> to a temporary file beside <paramref name="path"/> and moves it over the target,
    /// so a reader never sees a half-written file.</summary>
    public static void WriteAtomically(string path, string text, Encoding encoding)
    {
        string full = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(full) ?? ".";
        Directory.CreateDirectory(directory);
        string temp = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(temp, text, encoding);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    private static Dictionary<string, object?> KpiObject(KpiRecord k) => new()
    {
        ["id"] = k.Id,
        ["city"] = k.City,
        ["file"] = k.Source.File,
        ["line"] = k.Source.Line,
        ["lineEnd"] = k.Source.LineEnd,
        ["location"] = k.Source.Location,
        ["goalNumber"] = k.Goal?.Number,
        ["goal"] = k.Goal?.Title,
        ["measureMark"] = k.Measure?.Mark,
        ["measure"] = k.Measure?.Title,
        ["measureParent"] = k.Measure?.Parent?.ToString(),
        ["project"] = k.Project,
        ["indicator"] = k.Indicator,
        ["isGoalTarget"] = k.IsGoalTarget,
        ["unit"] = k.Unit,
        ["baseline"] = ValueObject(k.Baseline),
        ["target"] = ValueObject(k.Target),
        ["actual"] = ValueObject(k.Actual),
        ["series"] = k.Series.Select(s => new Dictionary<string, object?>
        {
            ["year"] = s.Year.ToString(),
            ["target"] = ValueObject(s.Target),
            ["actual"] = ValueObject(s.Actual),
        }).ToList(),
        ["status"] = k.Status,
        ["statusMeaning"] = k.StatusMeaning is null ? null : new Dictionary<string, object?>
        {
            ["symbol"] = k.StatusMeaning.Symbol,
            ["meaning"] = k.StatusMeaning.Meaning,
            ["legend"] = CitationObject(k.StatusMeaning.Legend),
        },
        ["achievement"] = ValueObject(k.Achievement),
        ["evaluation"] = k.Evaluation,
        ["evaluationViewpoint"] = k.EvaluationViewpoint,
        ["department"] = k.Department,
        ["assessment"] = k.Assessment,
        ["outlook"] = k.Outlook,
        ["quote"] = k.Source.Quote,
        ["relatedSources"] = k.RelatedSources.Select(CitationObject).ToList(),
    };

    private static Dictionary<string, object?>? ValueObject(KpiValue? v) => v is null ? null : new()
    {
        ["text"] = v.Text,
        ["number"] = v.Number,
        ["unit"] = v.Unit,
        ["period"] = v.Period is null ? null : new Dictionary<string, object?>
        {
            ["text"] = v.Period.Text,
            ["start"] = v.Period.Start.Year,
            ["end"] = v.Period.End.Year,
            ["cumulative"] = v.Period.Cumulative,
            ["normalized"] = v.Period.ToString(),
        },
        ["note"] = v.Note,
        ["file"] = v.Source.File,
        ["line"] = v.Source.Line,
        ["location"] = v.Source.Location,
        ["missingReason"] = v.MissingReason is null ? null : new Dictionary<string, object?>
        {
            ["text"] = v.MissingReason.Text,
            ["source"] = CitationObject(v.MissingReason.Source),
        },
    };

    private static Dictionary<string, object?> ProjectObject(ProjectRecord p) => new()
    {
        ["id"] = p.Id,
        ["city"] = p.City,
        ["file"] = p.Source.File,
        ["line"] = p.Source.Line,
        ["lineEnd"] = p.Source.LineEnd,
        ["location"] = p.Source.Location,
        ["goalNumber"] = p.Goal?.Number,
        ["goal"] = p.Goal?.Title,
        ["measureMark"] = p.Measure?.Mark,
        ["measure"] = p.Measure?.Title,
        ["measureParent"] = p.Measure?.Parent?.ToString(),
        ["number"] = p.Number,
        ["name"] = p.Name,
        ["department"] = p.Department,
        ["budget"] = p.Budget?.Amount,
        ["budgetUnit"] = p.Budget?.Unit,
        ["budgetText"] = p.Budget?.Text,
        ["budgetYear"] = p.BudgetYear?.Start.Year,
        ["description"] = p.Description,
        ["status"] = p.Status,
        ["repeat"] = p.IsRepeat,
        ["grant"] = p.Grant,
        ["components"] = p.Components,
        ["kpis"] = p.Kpis,
    };

    private static Dictionary<string, object?> NoteObject(DataQualityNote n) => new()
    {
        ["city"] = n.City,
        ["kind"] = n.Kind,
        ["message"] = n.Message,
        ["subjects"] = n.Subjects,
        ["sources"] = n.Sources.Select(CitationObject).ToList(),
    };

    private static Dictionary<string, object?> TotalObject(ListTotal t) => new()
    {
        ["city"] = t.City,
        ["file"] = t.Source.File,
        ["line"] = t.Source.Line,
        ["location"] = t.Source.Location,
        ["kind"] = t.Kind,
        ["label"] = t.Label,
        ["goalNumber"] = t.Goal?.Number,
        ["goal"] = t.Goal?.Title,
        ["measureMark"] = t.Measure?.Mark,
        ["measure"] = t.Measure?.Title,
        ["countText"] = t.CountText,
        ["repeatsText"] = t.RepeatsText,
        ["countExcludingRepeatsText"] = t.CountExcludingRepeatsText,
        ["budgetText"] = t.Budget?.Text,
        ["budget"] = t.Budget?.Amount,
        ["budgetExcludingRepeatsText"] = t.BudgetExcludingRepeats?.Text,
        ["budgetExcludingRepeats"] = t.BudgetExcludingRepeats?.Amount,
        ["budgetUnit"] = t.Budget?.Unit,
        ["listedCount"] = t.ListedCount,
        ["listedRepeats"] = t.ListedRepeats,
        ["listedBudget"] = t.ListedBudget,
        ["listedBudgetExcludingRepeats"] = t.ListedBudgetExcludingRepeats,
        ["agrees"] = t.Agrees,
        ["quote"] = t.Source.Quote,
    };

    private static Dictionary<string, object?> CitationObject(Citation c) => new()
    {
        ["file"] = c.File,
        ["line"] = c.Line,
        ["lineEnd"] = c.LineEnd,
        ["location"] = c.Location,
        ["quote"] = c.Quote,
    };

    private static IEnumerable<string?> KpiRow(KpiRecord k) =>
    [
        k.Id, k.City, k.Source.File, Num(k.Source.Line), Num(k.Source.LineEnd), k.Goal is null ? null : Num(k.Goal.Number), k.Goal?.Title,
        k.Measure?.Mark, k.Measure?.Title, k.Project, k.Indicator, k.IsGoalTarget ? "true" : "false", k.Unit,
        k.Baseline?.Text, Dec(k.Baseline?.Number), k.Baseline?.Period?.ToString(),
        k.Target?.Text, Dec(k.Target?.Number), k.Target?.Period?.ToString(),
        k.Actual?.Text, Dec(k.Actual?.Number), k.Actual?.Period?.ToString(),
        k.Status, k.Evaluation, k.EvaluationViewpoint, k.Department, k.Assessment, k.Outlook,
        string.Join(" ", k.RelatedSources.Select(Cited)),
        .. Locations(k),
    ];

    /// <summary>Where the record and its baseline, target and actual stand (「p.3, 5行目」, 「KPI!C12」, 「118行」).</summary>
    public static string?[] Locations(KpiRecord k) => [k.Source.Location, k.Baseline?.Source.Location, k.Target?.Source.Location, k.Actual?.Source.Location];

    /// <summary>A citation in one CSV cell: <c>file:line</c>, with the page or cell when the original has them.</summary>
    public static string Cited(Citation c) => c.ToString();

    private static IEnumerable<string?> ProjectRow(ProjectRecord p) =>
    [
        p.Id, p.City, p.Source.File, Num(p.Source.Line), p.Goal is null ? null : Num(p.Goal.Number), p.Goal?.Title, p.Measure?.Mark, p.Measure?.Title,
        p.Number, p.Name, p.Department, Dec(p.Budget?.Amount), p.Budget?.Unit, p.Budget?.Text, p.BudgetYear is null ? null : Num(p.BudgetYear.Start.Year),
        p.Description, p.Status, p.IsRepeat ? "true" : "false", p.Grant, string.Join("、", p.Components), string.Join("、", p.Kpis), p.Source.Location,
    ];

    private static IEnumerable<string?> NoteRow(DataQualityNote n) =>
    [
        n.City, n.Kind, n.Message, string.Join("、", n.Subjects), string.Join(" ", n.Sources.Select(Cited)),
    ];

    private static IEnumerable<string?> TotalRow(ListTotal t) =>
    [
        t.City, t.Source.File, Num(t.Source.Line), t.Kind, t.Label, t.Goal is null ? null : Num(t.Goal.Number), t.Goal?.Title, t.CountText, t.RepeatsText,
        t.CountExcludingRepeatsText, t.Budget?.Text, Dec(t.Budget?.Amount), t.BudgetExcludingRepeats?.Text, Dec(t.BudgetExcludingRepeats?.Amount), t.Budget?.Unit,
        Num(t.ListedCount), Num(t.ListedRepeats), Dec(t.ListedBudget), Dec(t.ListedBudgetExcludingRepeats), t.Agrees ? "true" : "false",
        t.Source.Location,
    ];

    private static string Num(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string? Dec(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string Csv(IEnumerable<string> header, IEnumerable<IEnumerable<string?>> rows)
    {
        var sb = new StringBuilder();
        AppendRow(sb, header);
        foreach (IEnumerable<string?> row in rows)
        {
            AppendRow(sb, row);
        }

        return sb.ToString();
    }

    private static void AppendRow(StringBuilder sb, IEnumerable<string?> cells)
    {
        bool first = true;
        foreach (string? cell in cells)
        {
            if (!first)
            {
                sb.Append(',');
            }

            first = false;
            string value = cell ?? string.Empty;
            if (value.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                sb.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                sb.Append(value);
            }
        }

        sb.Append("\r\n");
    }
}
