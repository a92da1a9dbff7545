using Lucene.Net.Documents;
using Lucene.Net.Util;
using StrategyAssistant.Documents;
using StrategyAssistant.Records;

namespace StrategyAssistant.Search;

/// <summary>Turns passages and records into Lucene documents.</summary>
internal static class IndexDocuments
{
    /// <summary>The Lucene documents of the knowledge (of the files <paramref name="files"/> holds, when given), passages
    /// first, then KPIs, then projects; each is built when enumerated.</summary>
    public static IEnumerable<Func<Document>> All(KnowledgeBase knowledge, IReadOnlyList<string> copies, IReadOnlySet<string>? files = null)
    {
        foreach (Passage passage in knowledge.Passages)
        {
            if (files is null || files.Contains(passage.File))
            {
                yield return () => WithCopies(ForPassage(passage, knowledge.Document(passage.File).City), copies);
            }
        }

        foreach (KpiRecord kpi in knowledge.Records.Kpis)
        {
            if (files is null || files.Contains(kpi.Source.File))
            {
                yield return () => WithCopies(ForKpi(kpi), copies);
            }
        }

        foreach (ProjectRecord project in knowledge.Records.Projects)
        {
            if (files is null || files.Contains(project.Source.File))
            {
                yield return () => WithCopies(ForProject(project), copies);
            }
        }
    }

    public static Document ForPassage(Passage passage, string city)
    {
        var doc = Base(IndexFields.KindPassage, passage.Id, city, passage.File);
        doc.Add(new TextField(IndexFields.Text, passage.Text, Field.Store.NO));
        string heading = string.Join(' ', passage.HeadingPath) + (passage.Context is null ? string.Empty : " " + passage.Context);
        doc.Add(new TextField(IndexFields.Heading, heading, Field.Store.NO));
        doc.Add(new StoredField(IndexFields.All, passage.Text + " " + heading));
        return doc;
    }

    public static Document ForKpi(KpiRecord kpi)
    {
        var doc = Base(IndexFields.KindKpi, kpi.Id, kpi.City, kpi.Source.File);
        doc.Add(new TextField(IndexFields.Name, kpi.Indicator, Field.Store.NO));
        doc.Add(new TextField(IndexFields.Heading, Join(kpi.Goal?.ToString(), kpi.Measure?.ToString(), kpi.Project), Field.Store.NO));
        string text = Join(kpi.Indicator, kpi.Measure?.Title, kpi.Project, kpi.Department, kpi.Assessment, kpi.Outlook);
        doc.Add(new TextField(IndexFields.Text, text, Field.Store.NO));
        // Coverage is judged on what names the KPI, not on its commentary.
        doc.Add(new StoredField(IndexFields.All, Join(kpi.Indicator, kpi.Goal?.ToString(), kpi.Measure?.ToString(), kpi.Project, kpi.Department)));
        return doc;
    }

    public static Document ForProject(ProjectRecord project)
    {
        var doc = Base(IndexFields.KindProject, project.Id, project.City, project.Source.File);
        doc.Add(new TextField(IndexFields.Name, Join([project.Name, .. project.Components]), Field.Store.NO));
        doc.Add(new TextField(IndexFields.Heading, Join(project.Goal?.ToString(), project.Measure?.ToString()), Field.Store.NO));
        string text = Join([project.Name, project.Department, project.Description, .. project.Components, .. project.Kpis]);
        doc.Add(new TextField(IndexFields.Text, text, Field.Store.NO));
        doc.Add(new StoredField(IndexFields.All, Join(text, project.Goal?.ToString(), project.Measure?.ToString())));
        return doc;
    }

    /// <summary>Adds the analysis's extra fields (reading, bigram) as copies of the entry's name and text.</summary>
    public static Document WithCopies(Document doc, IReadOnlyList<string> copies)
    {
        if (copies.Count == 0)
        {
            return doc;
        }

        string text = Join(doc.Get(IndexFields.All));
        foreach (string field in copies)
        {
            doc.Add(new TextField(field, text, Field.Store.NO));
        }

        return doc;
    }

    // Id, kind and city are doc values, not stored fields: a hit's are read from its segment, and opening the index reads
    // nothing per entry. The id also breaks score ties, so hits do not depend on the order entries were written in.
    private static Document Base(string kind, string id, string city, string file) =>
    [
        new StringField(IndexFields.Kind, kind, Field.Store.NO),
        new SortedDocValuesField(IndexFields.Kind, new BytesRef(kind)),
        new StringField(IndexFields.Id, id, Field.Store.NO),
        new SortedDocValuesField(IndexFields.Id, new BytesRef(id)),
        new StringField(IndexFields.City, city, Field.Store.NO),
        new SortedDocValuesField(IndexFields.City, new BytesRef(city)),
        new StringField(IndexFields.File, file, Field.Store.NO),
    ];

    private static string Join(params string?[] parts) => string.Join(' ', parts.Where(p => !string.IsNullOrWhiteSpace(p)));
}
