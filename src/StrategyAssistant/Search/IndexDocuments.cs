using Lucene.Net.Documents;
using Lucene.Net.Util;
using StrategyAssistant.Documents;
using StrategyAssistant.Records;

namespace StrategyAssistant.Search;

/// <summary>Turns passages and records into Lucene documents. Short texts that recur (headings, goal and measure titles,
/// indicator and project names, departments) are analysed once per build and replayed from <see cref="AnalysisMemo"/>;
/// a passage's body is analysed as it is.</summary>
internal sealed class IndexDocuments
{
    private readonly AnalysisMemo _memo;
    private readonly IReadOnlyList<string> _copies;

    /// <param name="memo">Analyses (or replays) the recurring texts.</param>
    /// <param name="copies">The analysis's extra fields (reading, bigram), written as copies of each part of the entry's text.</param>
    public IndexDocuments(AnalysisMemo memo, IReadOnlyList<string> copies)
    {
        _memo = memo;
        _copies = copies;
    }

    /// <summary>The Lucene documents of the knowledge (of the files <paramref name="files"/> holds, when given), passages
    /// first, then KPIs, then projects; each is built when called (on the thread that writes it).</summary>
    public IEnumerable<Func<Document>> All(KnowledgeBase knowledge, IReadOnlySet<string>? files = null)
    {
        foreach (Passage passage in files is null ? knowledge.Passages : knowledge.PassagesIn(files))
        {
            yield return () => ForPassage(passage, knowledge.Document(passage.File).City);
        }

        foreach (KpiRecord kpi in files is null ? knowledge.Records.Kpis : knowledge.KpisFrom(files))
        {
            yield return () => ForKpi(kpi);
        }

        foreach (ProjectRecord project in files is null ? knowledge.Records.Projects : knowledge.ProjectsFrom(files))
        {
            yield return () => ForProject(project);
        }
    }

    public Document ForPassage(Passage passage, string city)
    {
        var doc = Base(IndexFields.KindPassage, passage.Id, city, passage.File);
        // The body goes into the text field and every copy field: tokenized once for all of them where the analysis can.
        var body = new SharedText(passage.Text);
        doc.Add(new SharedTextField(IndexFields.Text, body));
        string heading = string.Join(' ', passage.HeadingPath) + (passage.Context is null ? string.Empty : " " + passage.Context);
        doc.Add(Recurring(IndexFields.Heading, heading));
        doc.Add(new StoredField(IndexFields.All, passage.Text + " " + heading));
        foreach (string field in _copies)
        {
            doc.Add(new SharedTextField(field, body));
        }

        AddCopies(doc, [.. passage.HeadingPath, passage.Context]);
        return doc;
    }

    public Document ForKpi(KpiRecord kpi)
    {
        var doc = Base(IndexFields.KindKpi, kpi.Id, kpi.City, kpi.Source.File);
        doc.Add(Recurring(IndexFields.Name, kpi.Indicator));
        doc.Add(Recurring(IndexFields.Heading, Join(kpi.Goal?.ToString(), kpi.Measure?.ToString(), kpi.Project)));
        string text = Join(kpi.Indicator, kpi.Measure?.Title, kpi.Project, kpi.Department, kpi.Assessment, kpi.Outlook);
        doc.Add(Recurring(IndexFields.Text, text));
        // Coverage is judged on what names the KPI, not on its commentary.
        string?[] names = [kpi.Indicator, kpi.Goal?.ToString(), kpi.Measure?.ToString(), kpi.Project, kpi.Department];
        doc.Add(new StoredField(IndexFields.All, Join(names)));
        AddCopies(doc, names);
        return doc;
    }

    public Document ForProject(ProjectRecord project)
    {
        var doc = Base(IndexFields.KindProject, project.Id, project.City, project.Source.File);
        doc.Add(Recurring(IndexFields.Name, Join([project.Name, .. project.Components])));
        doc.Add(Recurring(IndexFields.Heading, Join(project.Goal?.ToString(), project.Measure?.ToString())));
        string?[] parts = [project.Name, project.Department, project.Description, .. project.Components, .. project.Kpis];
        string text = Join(parts);
        doc.Add(Recurring(IndexFields.Text, text));
        doc.Add(new StoredField(IndexFields.All, Join(text, project.Goal?.ToString(), project.Measure?.ToString())));
        AddCopies(doc, [.. parts, project.Goal?.ToString(), project.Measure?.ToString()]);
        return doc;
    }

    /// <summary>The extra fields (reading, bigram) get one instance per part of the entry's text (the same terms and length
    /// as the parts joined), so that each recurring part is analysed once.</summary>
    private void AddCopies(Document doc, string?[] parts)
    {
        foreach (string field in _copies)
        {
            foreach (string? part in parts)
            {
                if (!string.IsNullOrWhiteSpace(part))
                {
                    doc.Add(Recurring(field, part));
                }
            }
        }
    }

    private Field Recurring(string field, string text) => new(field, _memo.Tokens(field, text), IndexFields.Analysed);

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
