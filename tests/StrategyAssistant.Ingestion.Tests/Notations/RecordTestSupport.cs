using StrategyAssistant.Documents;
using StrategyAssistant.Ingestion.Formats;
using StrategyAssistant.Ingestion.Interpreters;
using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion.Tests.Notations;

/// <summary>Shared helpers for the notation interpreter tests: extract a corpus document once, find a record by the line it stands on.</summary>
internal static class RecordTestSupport
{
    private static readonly Dictionary<(string, string), RecordSet> s_cache = [];
    private static readonly Lock s_lock = new();

    public static RecordSet Extract(INotationInterpreter extractor, string prefix)
    {
        lock (s_lock)
        {
            if (!s_cache.TryGetValue((extractor.Name, prefix), out RecordSet? set))
            {
                set = extractor.Extract(TestCorpus.Document(prefix));
                s_cache[(extractor.Name, prefix)] = set;
            }

            return set;
        }
    }

    /// <summary>Reads a text document through the layout model (the text reader, then <see cref="LayoutLines"/>), as ingestion does.</summary>
    public static RecordSet Extract(this INotationInterpreter interpreter, SourceDocument document) => interpreter.Read(Lines(document));

    /// <summary>True when the interpreter claims the text document read through the layout model.</summary>
    public static bool CanRead(this INotationInterpreter interpreter, SourceDocument document) => interpreter.Claims(Lines(document));

    public static LayoutLines Lines(SourceDocument document) =>
        new(TextDocumentReader.FromText(document.Info, string.Join('\n', document.Lines)));

    /// <summary>The KPI record whose first line is <paramref name="line"/>.</summary>
    public static KpiRecord KpiAt(this RecordSet set, int line) =>
        Assert.Single(set.Kpis, k => k.Source.Line == line);

    /// <summary>The project record whose first line is <paramref name="line"/>.</summary>
    public static ProjectRecord ProjectAt(this RecordSet set, int line) =>
        Assert.Single(set.Projects, p => p.Source.Line == line && p.Id.EndsWith($":{line}", StringComparison.Ordinal));

    /// <summary>Asserts a value's text, number, unit, fiscal period and the line it stands on.</summary>
    public static void AssertValue(KpiValue? value, string text, decimal? number, string? unit, int? startYear, int? endYear, string file, int line)
    {
        Assert.NotNull(value);
        Assert.Equal(text, value.Text);
        Assert.Equal(number, value.Number);
        Assert.Equal(unit, value.Unit);
        Assert.Equal(startYear, value.Period?.Start.Year);
        Assert.Equal(endYear, value.Period?.End.Year);
        Assert.Equal(file, value.Source.File);
        Assert.Equal(line, value.Source.Line);
    }

    /// <summary>A document made from <paramref name="lines"/> under the manifest entry of the corpus document <paramref name="prefix"/>.</summary>
    public static SourceDocument WithLines(string prefix, IEnumerable<string> lines)
    {
        SourceDocument original = TestCorpus.Document(prefix);
        return new SourceDocument(original.Info, [.. lines]);
    }
}
