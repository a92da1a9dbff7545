using StrategyAssistant.Documents;
using StrategyAssistant.Ingestion.Layout;
using StrategyAssistant.Ingestion.Vocabulary;
using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion.Interpreters;

/// <summary>Why a value is not stated (a blank cell, －, 算出不可, 調査中 …), as the document says it, in this order: the row's
/// remark cell (備考), the parenthesis after the mark (－（令和４年度は開設せず）), a ※ footnote that names the indicator or its
/// row mark (④) and gives a reason, a ※ footnote that explains the mark itself (「算出不可」は…). Found nowhere: no reason.</summary>
internal static class MissingReasons
{
    /// <summary>The record with a reason on each value that states no figure; a blank baseline/actual cell of a table that
    /// has the column gets an empty value carrying the reason (only when there is one).</summary>
    public static KpiRecord Apply(KpiRecord record, InterpretContext context, LayoutTable? table = null, TableRow? row = null, string? label = null)
    {
        string? remark = null;
        Citation? remarkSource = null;
        if (table is not null && row is not null)
        {
            int at = table.Columns.ToList().FindIndex(c => c.Role == ColumnRole.Remark);
            if (at >= 0 && row[at] is { Text.Length: > 0 } cell)
            {
                remark = cell.Text.Trim();
                int line = Enumerable.Range(row.Line, row.LineEnd - row.Line + 1).FirstOrDefault(n => context.Document.Line(n).Cells.Any(c => c.Text.Contains(cell.Text, StringComparison.Ordinal)), row.Line);
                remarkSource = context.Document.Cite(line, line, remark, cell.Address);
            }
        }

        string name = label ?? record.Indicator;
        KpiValue? Reasoned(KpiValue? value, ColumnRole role)
        {
            if (value is not null && (value.Number is not null || !CellTextNotations.IsNoFigureMark(value.Text, context.Vocabulary)))
            {
                return value;
            }

            bool hasColumn = table is null || table.Columns.Any(c => c.Role == role || (role == ColumnRole.Actual && c.Role == ColumnRole.Current && !table.Columns.Any(b => b.Role == ColumnRole.Baseline)));
            if (value is null && (!hasColumn || row is null))
            {
                return null;
            }

            MissingReason? reason = Find(value?.Text ?? string.Empty, value?.Source, name, remark, remarkSource, record.Source.Line, context);
            if (reason is null)
            {
                return value;
            }

            return (value ?? new KpiValue(string.Empty, null, null, null, null, context.Document.Cite(row!.Line, row.LineEnd))) with { MissingReason = reason };
        }

        return record with
        {
            Baseline = Reasoned(record.Baseline, ColumnRole.Baseline),
            Actual = Reasoned(record.Actual, ColumnRole.Actual),
            Series = [.. record.Series.Select(s => s with { Actual = s.Actual is null ? null : Reasoned(s.Actual, ColumnRole.Actual) })],
            Achievement = record.Achievement is null ? null : Reasoned(record.Achievement, ColumnRole.Achievement),
        };
    }

    private static MissingReason? Find(string written, Citation? valueSource, string indicator, string? remark, Citation? remarkSource, int recordLine, InterpretContext context)
    {
        if (remark is not null && !CellTextNotations.IsNoFigureMark(remark, context.Vocabulary))
        {
            return new MissingReason(remark, remarkSource!);
        }

        if (CellTextNotations.ParenthesisAfterMark(written) is { Length: > 0 } inner && valueSource is not null)
        {
            return new MissingReason(inner, valueSource);
        }

        StrategyVocabulary vocabulary = context.Vocabulary;
        var footnotes = context.Document.Lines.Where(l => vocabulary.FootnoteMarks.Any(m => l.Text.TrimStart().StartsWith(m, StringComparison.Ordinal))).ToList();
        string core = StrategyVocabulary.Fold(CoreName(indicator));
        string? mark = indicator.Length > 0 && indicator[0] is >= '①' and <= '⑳' ? indicator[..1] : null;
        bool GivesReason(LayoutLine l) => vocabulary.RemarkWords.Any(w => l.Text.Contains(w, StringComparison.Ordinal));
        LayoutLine? named = footnotes
            .Where(l => GivesReason(l) && (Names(StrategyVocabulary.Fold(l.Text), core)
                || (mark is not null && (l.Text.Contains("※" + mark, StringComparison.Ordinal) || l.Text.Contains(mark + "の", StringComparison.Ordinal)))))
            .OrderBy(l => l.Number >= recordLine ? 0 : 1).ThenBy(l => Math.Abs(l.Number - recordLine)).FirstOrDefault();
        if (named is not null)
        {
            return new MissingReason(named.Text.Trim(), context.Document.Cite(named.Number, named.Number));
        }

        string shown = written.Trim();
        LayoutLine? explains = shown.Length == 0 ? null : footnotes
            .Where(l => l.Text.Contains("「" + shown + "」", StringComparison.Ordinal))
            .OrderBy(l => l.Number >= recordLine ? 0 : 1).ThenBy(l => Math.Abs(l.Number - recordLine)).FirstOrDefault();
        return explains is null ? null : new MissingReason(explains.Text.Trim(), context.Document.Cite(explains.Number, explains.Number));
    }

    /// <summary>True when a footnote names the indicator: its whole name, or (奨学金返還支援制度 for 奨学金返還支援制度利用者数) a
    /// leading part of at least six tenths of it.</summary>
    private static bool Names(string footnote, string core)
    {
        if (core.Length < 3)
        {
            return false;
        }

        int length = Math.Max(4, (int)Math.Ceiling(core.Length * 0.6));
        return length <= core.Length && footnote.Contains(core[..length], StringComparison.Ordinal);
    }

    /// <summary>An indicator's name without its row mark, unit or notes in parentheses and footnote references.</summary>
    private static string CoreName(string indicator)
    {
        string t = CellText.Indicator(indicator);
        int paren = t.IndexOfAny(['（', '(', '※']);
        return (paren > 0 ? t[..paren] : t).Trim();
    }
}
