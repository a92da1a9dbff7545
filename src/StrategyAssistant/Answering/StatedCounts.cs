using System.Globalization;
using System.Text.RegularExpressions;
using Lucene.Net.Analysis;
using StrategyAssistant.Documents;
using StrategyAssistant.Records;
using StrategyAssistant.Search;

namespace StrategyAssistant.Answering;

/// <summary>Counts the documents state or list outright, beyond a goal's summary row: a count written in a table cell or a
/// line (総合戦略関連事業30事業, 計 4事業) about the question's topic and, when it names a year, in that year's cell or column;
/// and the numbered items (①②③ …) a named project's section lists, counted with every item cited.</summary>
internal sealed partial class StatedCounts
{
    private readonly KnowledgeBase _knowledge;
    private readonly Analyzer _analyzer;
    private readonly AnswerRanker _ranker;

    public StatedCounts(KnowledgeBase knowledge, Analyzer analyzer, AnswerRanker ranker)
    {
        _knowledge = knowledge;
        _analyzer = analyzer;
        _ranker = ranker;
    }

    /// <summary>The numbered items (具体的な施策 ①…⑧) of the project the question names, when it counts 施策 / 項目 / 取組.</summary>
    public bool TryItems(Question question, Evidence evidence, AnswerBuilder builder)
    {
        if (!ItemNouns().IsMatch(question.Text) || _ranker.Best(evidence.Projects, p => p.Source.LineEnd > p.Source.Line).FirstOrDefault() is not { } project)
        {
            return false;
        }

        PassageLines document = _knowledge.PassageLines(project.Source.File);
        var items = new List<(int Line, string Text)>();
        for (int n = project.Source.Line; n <= project.Source.LineEnd; n++)
        {
            string line = PassageSplitter.Clean(document.Text(n)).Trim();
            // Numbered from ① without a gap or a repeat: a list, not stray marks.
            if (line.Length > 1 && line[0] is >= '①' and <= '⑳')
            {
                if (line[0] - '①' != items.Count)
                {
                    return false;
                }

                items.Add((n, ItemTitle(line)));
            }
        }

        if (items.Count < 2)
        {
            return false;
        }

        string count = items.Count.ToString(CultureInfo.InvariantCulture);
        var operands = new List<DerivationOperand>();
        // Counted in the question's own noun (何施策 → 8施策), else as items.
        string noun = question.Counter ?? "項目";
        string expression = $"具体的な施策の数 {count}{noun}";
        builder.Line($"{project.City}の「{project.Name}」の{expression}です {builder.Mark(project.Source)}。");
        foreach ((int line, string title) in items)
        {
            Citation citation = document.Cite(line, line, title);
            int number = builder.Cite(citation);
            operands.Add(new DerivationOperand(title, null, number, title));
            builder.Line($"・{title} [{number}]");
        }

        builder.Derive(new Derivation(DerivationKind.Count, expression, count, operands));
        return true;
    }

    /// <summary>A count written in a cell (or a line) that holds the question's topic words and, when the question names a
    /// year, states it or stands under a column header that does; quoted and cited as the document's own figure.</summary>
    public bool TryCell(Question question, Evidence evidence, double passageCoverage, AnswerBuilder builder)
    {
        if (BestCell(question, evidence, passageCoverage, cell => CountPattern().IsMatch(cell)) is not { } found)
        {
            return false;
        }

        MatchCollection counts = CountPattern().Matches(found.Cell);
        Match count = counts.Cast<Match>().LastOrDefault(m => m.Groups["total"].Success) ?? counts[0];
        string stated = count.Groups["n"].Value + count.Groups["noun"].Value;
        string marker = builder.Figure(count.Groups["n"].Value, count.Groups["noun"].Value, null, found.Source, "数");
        builder.Line($"{found.Source.City}: {stated}（資料の記載） {marker}");
        builder.Line($"・{(found.Cell.Length <= 200 ? found.Cell : found.Cell[..199] + "…")}");
        return true;
    }

    /// <summary>The projects a year's cell lists (（採択事業） ・A ・B 計 2事業) when the question asks which projects of a
    /// year: the cell under that year's column that holds the topic words, its items listed, cited to the cell.</summary>
    public bool TryListCell(Question question, Evidence evidence, double passageCoverage, AnswerBuilder builder)
    {
        if (question.Years.Count == 0 || BestCell(question, evidence, passageCoverage, cell => Bullets().Count(cell) >= 1) is not { } found)
        {
            return false;
        }

        string[] parts = Bullets().Split(found.Cell);
        string marker = builder.Mark(found.Source);
        builder.Line($"{found.Source.City}の{string.Join("・", question.Years.Select(y => y.Text))}の記載（{parts[0].Trim()}） {marker}:");
        foreach (string item in parts.Skip(1).Select(p => p.Trim()).Where(p => p.Length > 0))
        {
            builder.Line($"・{item}");
        }

        return true;
    }

    private (double Score, Citation Source, string Cell)? BestCell(Question question, Evidence evidence, double passageCoverage, Func<string, bool> qualifies)
    {
        static bool Content(string t) => t.Any(c => c is < '\u3041' or > '\u309F');
        IReadOnlyList<string> wanted = [.. QueryTerms.Analyze(_analyzer, IndexFields.Text, question.OwnTopic).Where(Content)];
        // The words of a document mention (総合戦略 in 総合戦略関連事業) tell cells apart but are not required.
        IReadOnlyList<string> mentioned = [.. QueryTerms.Analyze(_analyzer, IndexFields.Text, string.Join(' ', Mentions(question))).Where(Content).Except(wanted)];
        if (wanted.Count == 0)
        {
            return null;
        }

        (double Score, Citation Source, string Cell)? best = null;
        foreach (Ranked<Passage> ranked in evidence.Passages.Where(p => p.Coverage >= passageCoverage && (question.Cities.Count == 0 || question.Cities.Contains(_knowledge.PassageLines(p.Item.File).City))))
        {
            PassageLines document = _knowledge.PassageLines(ranked.Item.File);
            for (int n = ranked.Item.Line; n <= ranked.Item.LineEnd; n++)
            {
                string[] cells = PassageSplitter.Clean(document.Text(n)).Split('\t');
                for (int c = 0; c < cells.Length; c++)
                {
                    string cell = cells[c].Trim();
                    if (!qualifies(cell) || (question.Years.Count > 0 && !StatesYear(document, n, c, cell, question.Years)))
                    {
                        continue;
                    }

                    var present = new HashSet<string>(QueryTerms.Analyze(_analyzer, IndexFields.Text, cell, int.MaxValue), StringComparer.Ordinal);
                    double covered = wanted.Where(present.Contains).Sum(t => Weight(document, t)), all = wanted.Sum(t => Weight(document, t));
                    // A cell that states the year itself outranks one under a year column.
                    double score = covered / all + (question.Years.Count > 0 && FiscalYearParser.FindAll(cell, FiscalYearParser.Era.Reiwa).Any() ? YearInCellBonus : 0)
                        + (mentioned.Count == 0 ? 0 : MentionBonus * mentioned.Count(present.Contains) / mentioned.Count);
                    if (covered / all >= MinCellCoverage && (best is null || score > best.Value.Score))
                    {
                        best = (score, document.Cite(n, n, cell), cell);
                    }
                }
            }
        }

        return best;
    }

    /// <summary>The topic words a document mention stands for (総合戦略 in 総合戦略関連事業 is both a filter and a word of the row).</summary>
    private static IEnumerable<string> Mentions(Question question) =>
        QuestionVocabulary.Default.DocumentMentions.Where(m => question.DocumentKinds.Contains(m.Key)).SelectMany(m => m.Value).Where(w => question.Text.Contains(w, StringComparison.Ordinal));

    private static bool StatesYear(PassageLines document, int line, int column, string cell, IReadOnlyList<FiscalPeriod> years)
    {
        bool Matches(string text) => FiscalYearParser.FindAll(text, FiscalYearParser.Era.Reiwa).Any(m => years.Any(y => m.Period.IsSingleYear && y.Contains(m.Period.Start)));
        bool Other(string text) => FiscalYearParser.FindAll(text, FiscalYearParser.Era.Reiwa).Any();
        if (Other(cell))
        {
            return Matches(cell);
        }

        // The column header: the nearest line above whose cell in this column names a year.
        for (int n = line - 1; n >= Math.Max(1, line - HeaderDistance); n--)
        {
            string[] cells = PassageSplitter.Clean(document.Text(n)).Split('\t');
            if (column < cells.Length && Other(cells[column]))
            {
                return Matches(cells[column]);
            }
        }

        return false;
    }

    /// <summary>A term's weight in a document: rarer lines weigh more (拠点 over 採択), as an inverse line frequency.</summary>
    private double Weight(PassageLines document, string term)
    {
        lock (_weights)
        {
            if (!_weights.TryGetValue((document.File, term), out double weight))
            {
                int lines = 0;
                for (int n = 1; n <= document.Count; n++)
                {
                    lines += document.Text(n).Contains(term, StringComparison.OrdinalIgnoreCase) ? 1 : 0;
                }

                weight = Math.Log(1 + ((double)document.Count / (1 + lines)));
                _weights[(document.File, term)] = weight;
            }

            return weight;
        }
    }

    private readonly Dictionary<(string File, string Term), double> _weights = [];

    private const double YearInCellBonus = 0.05;

    private const double MentionBonus = 0.1;

    private static string ItemTitle(string line)
    {
        int cut = line.IndexOfAny([' ', '\t', '　']);
        return cut > 1 ? line[..cut] : line;
    }

    /// <summary>How far above a cell its column header may be.</summary>
    private const int HeaderDistance = 8;

    /// <summary>A cell answers only when it holds this share of the topic's content words.</summary>
    private const double MinCellCoverage = 0.6;

    // 30事業, 計 4事業, and in prose 4つの「基本目標」, 10の「施策」.
    [GeneratedRegex(@"(?<total>[計全]\s*)?(?<![0-9,.])(?<n>[0-9]+)\s*(?:つ)?(?:の[「『]?)?(?<noun>事業|施策|件|基本目標|指標|KPI)(?![0-9費])")]
    private static partial Regex CountPattern();

    [GeneratedRegex(@"\s・|^・")]
    private static partial Regex Bullets();

    [GeneratedRegex("施策|項目|取組|取り組み")]
    private static partial Regex ItemNouns();
}
