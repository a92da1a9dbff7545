using StrategyAssistant.Documents;
using StrategyAssistant.Records;

namespace StrategyAssistant.Answering;

/// <summary>A question that names a municipality the corpus does not cover beside one it does (旭川と北見の…): not found as
/// asked, with the reason, naming what the covered city's documents hold for the topic (cited, without figures) so no figure
/// of one city stands as the answer for both. A place the covered city's own documents mention (連携先の江別市) is part of the
/// topic, not a second subject.</summary>
internal sealed class OtherPlaceAbsence
{
    private readonly KnowledgeBase _knowledge;
    private readonly double _recordCoverage;

    public OtherPlaceAbsence(KnowledgeBase knowledge, double recordCoverage)
    {
        _knowledge = knowledge;
        _recordCoverage = recordCoverage;
    }

    public AnswerBuilder? Absent(Question question, Evidence evidence)
    {
        if (question.Cities.Count == 0 || question.OtherPlaces.Count == 0)
        {
            return null;
        }

        var passages = _knowledge.PassagesOf(question.Cities).ToList();
        var unknown = question.OtherPlaces
            .Where(place => !passages.Any(p => p.Text.Contains(Stem(place), StringComparison.Ordinal)))
            .ToList();
        if (unknown.Count == 0)
        {
            return null;
        }

        var absent = new AnswerBuilder();
        absent.Line($"{OfflineComposer.NotFoundText}{string.Join("・", unknown)}の資料はありません（収録: {string.Join("・", _knowledge.Corpus.Cities)}）。");
        if (Held(question, evidence) is { } held)
        {
            absent.Line($"参考: {held.City}の資料には「{held.Name}」の記載があります {absent.Mark(held.Source)}（{held.City}だけについての質問には、その値で答えます）。");
        }

        return absent;
    }

    /// <summary>北見市 → 北見: documents often write a neighbour without its suffix.</summary>
    private static string Stem(string place) => place.Length > 2 ? place.TrimEnd('市', '町', '村') : place;

    private (string City, string Name, Citation Source)? Held(Question question, Evidence evidence)
    {
        Ranked<KpiRecord>? kpi = evidence.Kpis.Count > 0 ? evidence.Kpis[0] : null;
        Ranked<ProjectRecord>? project = evidence.Projects.Count > 0 ? evidence.Projects[0] : null;
        if (kpi is not null && kpi.Coverage >= _recordCoverage && kpi.Coverage >= (project?.Coverage ?? 0) && question.Cities.Contains(kpi.Item.City))
        {
            return (kpi.Item.City, kpi.Item.Indicator, kpi.Item.Source);
        }

        return project is not null && project.Coverage >= _recordCoverage && question.Cities.Contains(project.Item.City)
            ? (project.Item.City, project.Item.Name, project.Item.Source)
            : null;
    }
}
