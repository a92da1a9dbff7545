using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using StrategyAssistant.Documents;
using StrategyAssistant.Ingestion.Layout;
using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion.Interpreters;

/// <summary>The value roles of an assessment sheet's header.</summary>
internal enum SheetRole
{
    Baseline,
    Actual,
    Target,
}

/// <summary>A measure row of an assessment sheet: mark, title, commentary, evaluation, department.</summary>
internal sealed class SheetLabel
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
    public SheetLabel? Parent { get; set; }

    public bool HasCommentary => Assessment is not null || Outlook is not null || Viewpoint is not null;
}

/// <summary>A values header row (基準値 / 実績値 / 目標値 with their years).</summary>
internal sealed class SheetHeader
{
    public required int Line { get; init; }

    public required List<(SheetRole SheetRole, FiscalPeriod? Period, int Column, string Text)> Columns { get; init; }
}

/// <summary>A KPI of an assessment sheet being read: its indicator cell, label and values.</summary>
internal sealed class SheetDraft
{
    public required SheetLabel SheetLabel { get; set; }

    public required bool OwnsLabel { get; init; }

    public required string Indicator { get; init; }

    public string? Unit { get; init; }

    public required int Line { get; init; }

    public required string Cell { get; init; }

    public SheetHeader? SheetHeader { get; set; }

    public int? ValueLine { get; set; }

    public string? ValueQuote { get; set; }

    public KpiValue? Baseline { get; set; }

    public KpiValue? Actual { get; set; }

    public KpiValue? Target { get; set; }
}
