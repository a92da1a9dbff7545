using System.Text.RegularExpressions;

namespace StrategyAssistant.Documents;

/// <summary>Splits a document into passages that tile it: every line belongs to exactly one passage.
/// A heading starts a passage; blank lines end prose paragraphs; table rows (tab-separated) stay together, and a long table
/// is cut into chunks that each carry the table's header row as <see cref="Passage.Context"/>.</summary>
public static partial class PassageSplitter
{
    /// <summary>Long prose is cut near this many characters (at line boundaries; one long line stays whole).</summary>
    public const int MaxPassageChars = 900;

    /// <summary>A table chunk holds at most this many rows.</summary>
    public const int MaxTableRows = 6;

    public static IReadOnlyList<Passage> Split(SourceDocument document)
    {
        var passages = new List<Passage>();
        var headings = new HeadingTracker();
        int count = document.LineCount;
        int start = 1;
        string? tableHeader = null;
        while (start <= count)
        {
            // A passage starts at its first non-blank line; leading blank lines go with it (only at the top of the file).
            int first = start;
            while (first <= count && IsBlank(document.Line(first)))
            {
                first++;
            }

            if (first > count)
            {
                // Trailing blank lines belong to the last passage.
                if (passages.Count > 0)
                {
                    passages[^1] = passages[^1] with { LineEnd = count };
                }
                else
                {
                    passages.Add(new Passage($"{document.File}:{start}", document.File, start, count, [], string.Empty));
                }

                break;
            }

            string firstClean = Clean(document.Line(first));
            // A heading that is itself a table row (<b>基本目標1 …</b> inside the project list) keeps the table's header.
            if (headings.TryEnter(firstClean) && !IsTableRow(document.Line(first)))
            {
                tableHeader = null;
            }

            bool table = IsTableRow(document.Line(first));
            if (table && IsTableHeader(firstClean))
            {
                tableHeader = firstClean;
            }
            else if (!table)
            {
                tableHeader = null;
            }

            int last = first;
            int chars = firstClean.Length;
            int rows = 1;
            while (last + 1 <= count)
            {
                string next = document.Line(last + 1);
                if (IsBlank(next))
                {
                    if (!table)
                    {
                        break;
                    }

                    // Tables flattened from PDFs contain blank spacer lines; a table continues after one when a row follows.
                    if (last + 2 <= count && IsTableRow(document.Line(last + 2)) && !HeadingTracker.IsHeading(Clean(document.Line(last + 2))))
                    {
                        last++;
                        continue;
                    }

                    break;
                }

                string nextClean = Clean(next);
                if (HeadingTracker.IsHeading(nextClean) || IsTableRow(next) != table)
                {
                    break;
                }

                if (table ? rows >= MaxTableRows : chars + nextClean.Length > MaxPassageChars)
                {
                    break;
                }

                last++;
                rows++;
                chars += nextClean.Length;
            }

            // Blank lines up to the next passage belong to this one.
            int end = last;
            while (end + 1 <= count && IsBlank(document.Line(end + 1)))
            {
                end++;
            }

            string text = string.Join('\n', Enumerable.Range(first, last - first + 1)
                .Select(n => Clean(document.Line(n)))
                .Where(s => s.Length > 0));
            string? context = table && tableHeader is not null && !string.Equals(tableHeader, firstClean, StringComparison.Ordinal) ? tableHeader : null;
            passages.Add(new Passage($"{document.File}:{start}", document.File, start, end, headings.Path, text, context));
            start = end + 1;
        }

        return passages;
    }

    /// <summary>A line's text as shown and indexed: markup removed, spaces trimmed.</summary>
    public static string Clean(string line) => Markup.Strip(line).Trim();

    private static bool IsBlank(string line) => Markup.Strip(line).Trim().Length == 0;

    private static bool IsTableRow(string line) => line.Contains('\t', StringComparison.Ordinal) && Markup.Strip(line).Trim().Length > 0;

    private static bool IsTableHeader(string clean) => TableHeaderWords().IsMatch(clean);

    [GeneratedRegex("基準値|目標値|実績|事業名|施策名|項目|区分|数値目標|具体的な施策")]
    private static partial Regex TableHeaderWords();

    /// <summary>Tracks the heading path: 基本目標 (level 0), 施策 marks ア/イ/① (level 1), numbered 事業 (level 2), numbered sections (1) (level 3).</summary>
    private sealed partial class HeadingTracker
    {
        private readonly string?[] _levels = new string?[4];

        public IReadOnlyList<string> Path => [.. _levels.Where(l => l is not null).Cast<string>()];

        public static bool IsHeading(string clean) => Level(clean) >= 0;

        public bool TryEnter(string clean)
        {
            int level = Level(clean);
            if (level < 0)
            {
                return false;
            }

            string title = clean.Split('\t')[0].Trim();
            if (title.Length > 80)
            {
                title = title[..80];
            }

            _levels[level] = title;
            for (int i = level + 1; i < _levels.Length; i++)
            {
                _levels[i] = null;
            }

            return true;
        }

        private static int Level(string clean)
        {
            if (clean.Length == 0 || clean.Length > 120 && !clean.Contains('\t', StringComparison.Ordinal))
            {
                return -1;
            }

            string head = clean.Split('\t')[0].Trim();
            if (head.Length == 0 || head.Length > 80)
            {
                return -1;
            }

            if (Records.GoalHeadings.Parse(head) is not null)
            {
                return 0;
            }

            if (MeasureHeading().IsMatch(head))
            {
                return 1;
            }

            if (ProjectHeading().IsMatch(head))
            {
                return 2;
            }

            return SectionHeading().IsMatch(head) ? 3 : -1;
        }

        // ア 安心して…, ① …, (1) 基本的方向 is not a measure: marks followed by a title of some length.
        [GeneratedRegex(@"^(?:[アイウエオカキクケコサシスセソタチツテト]|[①-⑳])\s+\S.{3,}$")]
        private static partial Regex MeasureHeading();

        [GeneratedRegex(@"^[0-9０-９]{1,2}[.．]\s?\S.{1,40}事業$")]
        private static partial Regex ProjectHeading();

        // (2) 重要業績評価指標 (KPI) の進捗状況について: a numbered section title (not a list item, not a table-of-contents line).
        [GeneratedRegex(@"^[(（][0-9０-９]{1,2}[)）]\s?[^\t.…]{2,50}$")]
        private static partial Regex SectionHeading();
    }
}
