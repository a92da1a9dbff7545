using StrategyAssistant.Ingestion.Interpreters;
using System.Text.RegularExpressions;
using StrategyAssistant.Ingestion.Vocabulary;
using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion.Layout;

/// <summary>Which kind of figures the lines under the current heading are.</summary>
public enum FigureSection
{
    None,

    /// <summary>Under a 数値目標 marker: a 基本目標's own targets.</summary>
    GoalTargets,

    /// <summary>Under a KPI marker or a measure: measure-level KPIs.</summary>
    MeasureKpis,
}

/// <summary>The heading path as lines go by: 基本目標 → 施策 → 事業, and whether the figures that follow are a goal's 数値目標
/// or a measure's KPIs. One heading parser for every interpreter.</summary>
public sealed partial class HeadingTracker
{
    private readonly StrategyVocabulary _vocabulary;

    public HeadingTracker(StrategyVocabulary vocabulary)
    {
        _vocabulary = vocabulary;
    }

    public Goal? Goal { get; private set; }

    public Measure? Measure { get; private set; }

    public string? Project { get; private set; }

    public FigureSection Section { get; private set; }

    /// <summary>The line that set the section (cited as the source of a record's goal/KPI kind), or 0.</summary>
    public int SectionLine { get; private set; }

    /// <summary>Reads a line; true when it was a heading (so no interpreter reads figures from it).</summary>
    public bool Observe(LayoutLine line)
    {
        if (line.IsBlank || line.Cells.Count > 1)
        {
            return false;
        }

        string text = line.Text.Trim();
        if (HeadingParser.Goal(text) is { } goal)
        {
            Goal = goal;
            Measure = null;
            Project = null;
            Section = FigureSection.None;
            return true;
        }

        string folded = StrategyVocabulary.Fold(text);
        if (text.Length <= 30 && _vocabulary.GoalTargetMarkers.Any(m => folded.Contains(StrategyVocabulary.Fold(m), StringComparison.Ordinal)))
        {
            Section = FigureSection.GoalTargets;
            SectionLine = line.Number;
            return true;
        }

        if (text.Length <= 30 && _vocabulary.KpiMarkers.Any(m => folded.Contains(StrategyVocabulary.Fold(m), StringComparison.Ordinal)) && !text.Contains('：') && !text.Contains(':'))
        {
            Section = FigureSection.MeasureKpis;
            SectionLine = line.Number;
            return true;
        }

        Match measure = MeasurePattern().Match(text);
        if (measure.Success && text.Length <= 40 && !ArrowOrColon().IsMatch(text))
        {
            Measure = new Measure(measure.Groups["mark"].Value.Trim(), measure.Groups["title"].Value.Trim());
            Project = null;
            Section = FigureSection.MeasureKpis;
            SectionLine = line.Number;
            return true;
        }

        Match project = ProjectPattern().Match(text);
        if (project.Success && text.Length <= 40 && !ArrowOrColon().IsMatch(text))
        {
            Project = project.Groups["name"].Value.Trim();
            Section = FigureSection.MeasureKpis;
            SectionLine = line.Number;
            return true;
        }

        return false;
    }

    // 施策1 …, 施策（1）…, (1) …, ① …, ア …: a measure heading.
    [GeneratedRegex(@"^(?<mark>施策\s*[0-9０-９]+|施策\s*[（(][0-9０-９]+[)）]|[（(][0-9０-９]{1,2}[)）]|[①-⑳]|[ア-コ](?=[\s　．.、]))[\s　．.、]*(?<title>\S.*)$")]
    private static partial Regex MeasurePattern();

    // 1. 農業振興事業, 【事業】…: a project heading (a numbered line ending in 事業).
    [GeneratedRegex(@"^(?:[0-9０-９]{1,2}[.．、)）]\s*)(?<name>\S.*事業)$")]
    private static partial Regex ProjectPattern();

    [GeneratedRegex("[→←⇒⇐：:]|[0-9０-９][人件%％円]")]
    private static partial Regex ArrowOrColon();
}
