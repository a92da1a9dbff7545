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

/// <summary>What a heading line is.</summary>
public enum HeadingKind
{
    None,
    Goal,
    GoalTargets,
    MeasureKpis,
    Measure,
    Project,
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

    public Goal? Goal
    {
        get => _goal;
        private set
        {
            _goal = value;
            if (value is { Title.Length: > 0 })
            {
                _seenGoals[value.Number] = value;
            }
        }
    }

    private Goal? _goal;
    private readonly Dictionary<int, Goal> _seenGoals = [];

    /// <summary>The goal numbered <paramref name="number"/> as a heading above named it, or null.</summary>
    public Goal? SeenGoal(int number) => _seenGoals.GetValueOrDefault(number);

    public Measure? Measure { get; private set; }

    public string? Project { get; private set; }

    public FigureSection Section { get; private set; }

    /// <summary>The line that set the section (cited as the source of a record's goal/KPI kind), or 0.</summary>
    public int SectionLine { get; private set; }

    /// <summary>Reads a line; true when it was a heading (so no interpreter reads figures from it).</summary>
    public bool Observe(LayoutLine line)
    {
        if (line.IsBlank)
        {
            return false;
        }

        var filled = line.Cells.Where(c => c.Text.Trim().Length > 0).ToList();
        if (filled.Count > 1)
        {
            // 基本目標1 ⇥ 安定した雇用をつくる: a goal heading whose title stands in the next cell.
            if (filled.Count == 2 && HeadingParser.Goal(filled[0].Text) is { Title.Length: 0 }
                && HeadingParser.Goal(filled[0].Text + " " + filled[1].Text) is { } goal)
            {
                Goal = goal;
                Measure = null;
                Project = null;
                Section = FigureSection.None;
                return true;
            }

            return false;
        }

        return ObserveText(filled.Count == 1 ? filled[0].Text : line.Text, line.Number);
    }

    /// <summary>What a heading text would set, without setting it: None when it is no heading.</summary>
    public HeadingKind Classify(string text)
    {
        text = HeadingParser.Undecorate(text);
        if (HeadingParser.Goal(text) is not null)
        {
            return HeadingKind.Goal;
        }

        string folded = StrategyVocabulary.Fold(text);
        bool card = Interpreters.CellTextNotations.StripLevelWord(text, _vocabulary, out FigureSection level) != text && level != FigureSection.None;
        if (text.Length <= 30 && !card && _vocabulary.GoalTargetMarkers.Any(m => folded.Contains(StrategyVocabulary.Fold(m), StringComparison.Ordinal)) && !text.Contains('：') && !text.Contains(':'))
        {
            return HeadingKind.GoalTargets;
        }

        if (text.Length <= 30 && !card && _vocabulary.KpiMarkers.Any(m => folded.Contains(StrategyVocabulary.Fold(m), StringComparison.Ordinal)) && !text.Contains('：') && !text.Contains(':'))
        {
            return HeadingKind.MeasureKpis;
        }

        if (text.Length <= 40 && !ArrowOrColon().IsMatch(text) && MeasurePattern().IsMatch(text))
        {
            return HeadingKind.Measure;
        }

        return text.Length <= 40 && !ArrowOrColon().IsMatch(text) && ProjectPattern().IsMatch(text) ? HeadingKind.Project : HeadingKind.None;
    }

    /// <summary>Reads a heading's text (a line, or a table row of one cell such as （数値目標） or ①企業誘致の促進); true when it was one.</summary>
    public bool ObserveText(string text, int lineNumber)
    {
        text = HeadingParser.Undecorate(text);
        switch (Classify(text))
        {
            case HeadingKind.Goal:
                Goal = HeadingParser.Goal(text);
                Measure = null;
                Project = null;
                Section = FigureSection.None;
                return true;
            case HeadingKind.GoalTargets:
                Section = FigureSection.GoalTargets;
                SectionLine = lineNumber;
                return true;
            case HeadingKind.MeasureKpis:
                Section = FigureSection.MeasureKpis;
                SectionLine = lineNumber;
                return true;
            case HeadingKind.Measure:
                Match measure = MeasurePattern().Match(text);
                Measure = new Measure(measure.Groups["mark"].Value.Trim(), measure.Groups["title"].Value.Trim());
                Project = null;
                Section = FigureSection.MeasureKpis;
                SectionLine = lineNumber;
                return true;
            case HeadingKind.Project:
                Project = ProjectPattern().Match(text).Groups["name"].Value.Trim();
                Section = FigureSection.MeasureKpis;
                SectionLine = lineNumber;
                return true;
            default:
                return false;
        }
    }

    // 施策1 …, 施策（1）…, ■施策１－(1) …, (1) …, ① …, ア …: a measure heading.
    [GeneratedRegex(@"^[■□◆◇●]?\s*(?<mark>施策\s*[0-9０-９]+(?:\s*[-－ー‐]\s*[（(]?[0-9０-９]+[)）]?)*|施策\s*[（(][0-9０-９]+[)）]|[（(][0-9０-９]{1,2}[)）]|[①-⑳]|[ア-コ](?=[\s　．.、]))[\s　．.、]*(?<title>\S.*)$")]
    private static partial Regex MeasurePattern();

    // 1. 農業振興事業, 【事業】…: a project heading (a numbered line ending in 事業).
    [GeneratedRegex(@"^(?:[0-9０-９]{1,2}[.．、)）]\s*)(?<name>\S.*事業)$")]
    private static partial Regex ProjectPattern();

    [GeneratedRegex("[→←⇒⇐：:]|[0-9０-９][人件%％円]")]
    private static partial Regex ArrowOrColon();
}
