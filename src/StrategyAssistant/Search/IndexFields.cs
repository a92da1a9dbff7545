using Lucene.Net.Documents;
using Lucene.Net.Index;

namespace StrategyAssistant.Search;

/// <summary>Field names of the Lucene documents. One Lucene document per passage, KPI record or project record.</summary>
public static class IndexFields
{
    /// <summary>passage, kpi or project.</summary>
    public const string Kind = "kind";

    /// <summary>The id of the passage or record (stored; resolved against the in-memory knowledge base).</summary>
    public const string Id = "id";

    public const string City = "city";

    public const string File = "file";

    /// <summary>Analyzed body: passage text, or a record's indicator / project name with its goal, measure and department.</summary>
    public const string Text = "text";

    /// <summary>Analyzed headings (基本目標, 施策, 事業) and table header context.</summary>
    public const string Heading = "heading";

    /// <summary>The indicator or project name alone, analyzed, for precise record hits.</summary>
    public const string Name = "name";

    /// <summary>Katakana readings of the name and text (spelling variants: 子供 / 子ども / こども).</summary>
    public const string Reading = "reading";

    /// <summary>CJK bigrams of the name and text (recall for words the dictionary splits oddly).</summary>
    public const string Bigram = "bigram";

    /// <summary>Stored, not indexed: all the text of the entry, to measure how much of a question a hit covers.</summary>
    public const string All = "all";

    public const string KindPassage = "passage";

    public const string KindKpi = "kpi";

    public const string KindProject = "project";

    /// <summary>The analysed fields: unstored, documents and frequencies without positions. Queries are term and boolean
    /// queries only (BM25 needs frequencies and norms, no query reads a position), and the norms are the same as with
    /// positions (the field length counts tokens whatever is indexed).</summary>
    public static readonly FieldType Analysed = Freeze(new FieldType(TextField.TYPE_NOT_STORED) { IndexOptions = IndexOptions.DOCS_AND_FREQS });

    private static FieldType Freeze(FieldType type)
    {
        type.Freeze();
        return type;
    }
}
