using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.SemanticKernel;
using StrategyAssistant.Records;
using StrategyAssistant.Search;

namespace StrategyAssistant.Answering.Model;

/// <summary>The retrieval functions a model may call (automatic function calling). Every result carries its source numbers
/// ([n]) from the request's <see cref="SourceRegistry"/>, so the model can only cite what it was shown.</summary>
public sealed class StrategyPlugin
{
    private const int MaxResults = 8;

    private readonly CorpusIndex _index;
    private readonly SourceRegistry _sources;

    public StrategyPlugin(CorpusIndex index, SourceRegistry sources)
    {
        _index = index;
        _sources = sources;
    }

    [KernelFunction("search_kpis")]
    [Description("Searches KPI (重要業績評価指標) and 数値目標 records by indicator or measure words. Returns baseline (基準値), target (目標値) and actual (実績値) values exactly as written, with years and source numbers.")]
    public string SearchKpis(
        [Description("Words of the indicator or measure, in Japanese (e.g. 合計特殊出生率, 移住者数)")] string query,
        [Description("City to keep to (a city of the corpus, written with 市/町/村), or empty for all")] string city = "")
    {
        var hits = Search(query, IndexFields.KindKpi, city).Select(h => _index.Knowledge.FindKpi(h.Hit.Id)).OfType<KpiRecord>();
        return Serialize(new JsonArray([.. hits.Select(k => (JsonNode)Describe(k))]));
    }

    [KernelFunction("get_kpi")]
    [Description("Gets one KPI record by its id with all its values, series, status, evaluation and department.")]
    public string GetKpi([Description("The KPI id from search_kpis")] string id) =>
        _index.Knowledge.FindKpi(id) is { } kpi ? Serialize(Describe(kpi, full: true)) : "{\"error\": \"no KPI with that id\"}";

    [KernelFunction("find_projects")]
    [Description("Finds projects (事業) that serve a measure (施策) or indicator, with department, budget (予算事業費) as written and source numbers.")]
    public string FindProjects(
        [Description("Words of the measure, indicator or project, in Japanese")] string query,
        [Description("City to keep to, or empty for all")] string city = "")
    {
        var hits = Search(query, IndexFields.KindProject, city).Select(h => _index.Knowledge.FindProject(h.Hit.Id)).OfType<ProjectRecord>();
        return Serialize(new JsonArray([.. hits.Select(p => (JsonNode)new JsonObject
        {
            ["id"] = p.Id,
            ["city"] = p.City,
            ["name"] = p.Name,
            ["goal"] = p.Goal?.ToString(),
            ["measure"] = p.Measure?.ToString(),
            ["department"] = p.Department,
            ["budget"] = p.Budget?.ToString(),
            ["budgetYear"] = p.BudgetYear?.Text,
            ["repeat"] = p.IsRepeat,
            ["description"] = p.Description,
            ["source"] = _sources.Register(p.Source),
        })]));
    }

    [KernelFunction("search_passages")]
    [Description("Searches the documents' text for passages (policies, explanations, survey results), returning quotes with source numbers.")]
    public string SearchPassages(
        [Description("Words to look for, in Japanese")] string query,
        [Description("City to keep to, or empty for all")] string city = "")
    {
        var results = new JsonArray();
        foreach (ScoredHit hit in Search(query, IndexFields.KindPassage, city))
        {
            if (_index.Knowledge.FindPassage(hit.Hit.Id) is { } passage)
            {
                var citation = _index.Knowledge.Cite(passage);
                results.Add(new JsonObject
                {
                    ["source"] = _sources.Register(citation),
                    ["city"] = citation.City,
                    ["headings"] = string.Join(" > ", passage.HeadingPath),
                    ["quote"] = citation.Quote.Length > 600 ? citation.Quote[..600] : citation.Quote,
                });
            }
        }

        return Serialize(results);
    }

    [KernelFunction("list_measures")]
    [Description("Lists a city's basic goals (基本目標) and measures (施策) as the documents name them.")]
    public string ListMeasures([Description("The city, as the corpus writes it (with 市/町/村)")] string city)
    {
        var measures = _index.Knowledge.KpisOf([city]).Where(k => k.City == city).Select(k => (k.Goal?.ToString(), k.Measure?.ToString()))
            .Concat(_index.Knowledge.ProjectsOf([city]).Where(p => p.City == city).Select(p => (p.Goal?.ToString(), p.Measure?.ToString())))
            .Where(m => m.Item2 is not null)
            .Distinct()
            .Select(m => (JsonNode)new JsonObject { ["goal"] = m.Item1, ["measure"] = m.Item2 });
        return Serialize(new JsonArray([.. measures]));
    }

    private JsonObject Describe(KpiRecord kpi, bool full = false)
    {
        var json = new JsonObject
        {
            ["id"] = kpi.Id,
            ["city"] = kpi.City,
            ["indicator"] = kpi.Indicator,
            ["goal"] = kpi.Goal?.ToString(),
            ["measure"] = kpi.Measure?.ToString(),
            ["project"] = kpi.Project,
            ["baseline"] = Value(kpi.Baseline),
            ["target"] = Value(kpi.Target),
            ["actual"] = Value(kpi.Actual),
            ["status"] = kpi.Status,
            ["evaluation"] = kpi.Evaluation,
            ["department"] = kpi.Department,
            ["source"] = _sources.Register(kpi.Source),
        };
        if (full)
        {
            json["series"] = new JsonArray([.. kpi.Series.Select(s => (JsonNode)new JsonObject
            {
                ["year"] = s.Year.ToJapanese(),
                ["target"] = Value(s.Target),
                ["actual"] = Value(s.Actual),
            })]);
            json["assessment"] = kpi.Assessment;
            json["outlook"] = kpi.Outlook;
            json["evaluationViewpoint"] = kpi.EvaluationViewpoint;
        }

        return json;
    }

    private JsonObject? Value(KpiValue? value) => value is null ? null : new JsonObject
    {
        ["text"] = value.Text,
        ["year"] = value.Period?.Text,
        ["source"] = _sources.Register(value.Source),
    };

    private IEnumerable<ScoredHit> Search(string query, string kind, string city) =>
        _index.Retriever.Search(new SearchRequest(QuestionText.Normalize(query), [kind], string.IsNullOrWhiteSpace(city) ? [] : [city.Trim()], MaxResults));

    private static string Serialize(JsonNode node) => node.ToJsonString(AnswerJson.Options);
}
