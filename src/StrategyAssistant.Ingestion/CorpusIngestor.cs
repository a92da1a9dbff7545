using System.Diagnostics;
using System.Security.Cryptography;
using StrategyAssistant.Documents;
using StrategyAssistant.Ingestion.Formats;
using StrategyAssistant.Ingestion.Interpreters;
using StrategyAssistant.Ingestion.Layout;
using StrategyAssistant.Ingestion.Vocabulary;
using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion;

/// <summary>A corpus folder's bytes, read once through the jail: the manifest, each readable document's bytes, the content
/// hash over them (the same as <see cref="Corpus.ContentHash"/>), and what could not be read.</summary>
public sealed record CorpusFiles(string Directory, Manifest Manifest, IReadOnlyList<(DocumentInfo Info, byte[] Bytes)> Documents, string ContentHash, IReadOnlyList<IngestProblem> Problems)
{
    private IReadOnlyList<string>? _documentHashes;

    /// <summary>Each document's own hash (its manifest entry and bytes), in the order of <see cref="Documents"/>; computed on
    /// first use (serving from a current snapshot never needs it).</summary>
    public IReadOnlyList<string> DocumentHashes => _documentHashes ??= [.. Documents.AsParallel().AsOrdered().Select(d => CorpusIngestor.DocumentHash(d.Info, d.Bytes))];
}

/// <summary>What one document gave, for progress lines and benchmarks.</summary>
public sealed record DocumentIngest(string File, string Format, string Reader, int Lines, int Kpis, int Projects, TimeSpan Elapsed);

/// <summary>Reads a corpus folder into knowledge: every format through its reader into the layout model; a document whose
/// layout one of the built-in extractors knows is read by it (the bundled layouts keep their records exactly), any other by
/// the header-role interpreters; then the cross-document linkers. Bad files are reported by name and skipped.</summary>
public sealed class CorpusIngestor
{
    /// <summary>Bump when ingestion reads differently (with the vocabulary version it decides whether a snapshot is current).</summary>
    public const string IngestionVersion = "ingest-6";

    private readonly StrategyVocabulary _vocabulary;
    private readonly IngestionOptions _options;
    private readonly DocumentInterpreter _interpreter;

    public CorpusIngestor(StrategyVocabulary vocabulary, IngestionOptions options)
    {
        _vocabulary = vocabulary;
        _options = options;
        _interpreter = new DocumentInterpreter(vocabulary);
    }

    public StrategyVocabulary Vocabulary => _vocabulary;

    /// <summary>The stamp knowledge read from <paramref name="contentHash"/> carries: content, reading code versions and vocabulary.</summary>
    public string Stamp(string contentHash) =>
        Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(
            string.Join('|', contentHash, IngestionVersion, KnowledgeBase.RecordsVersion, _vocabulary.Version, KnowledgeSnapshot.SchemaVersion))));

    /// <summary>What ingestion reads with, apart from the documents: the reading code, records, vocabulary and snapshot versions.
    /// Parts ingested under another are not reused.</summary>
    public string ReadingVersion => string.Join('|', IngestionVersion, KnowledgeBase.RecordsVersion, _vocabulary.Version, KnowledgeSnapshot.SchemaVersion);

    /// <summary>A document's own hash: its manifest entry and its bytes (a changed city or title re-reads it too).</summary>
    public static string DocumentHash(DocumentInfo info, byte[] bytes)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes(string.Join('\u001f', info.File, info.City, info.Title, info.Kind, info.Period, info.Issuer)));
        hash.AppendData(bytes);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Reads the manifest and the documents' bytes through the corpus jail.</summary>
    public CorpusFiles ReadFiles(string directory)
    {
        string manifestPath = Path.Combine(directory, Corpus.ManifestFileName);
        if (!File.Exists(manifestPath))
        {
            throw new CorpusException($"No {Corpus.ManifestFileName} in the documents folder '{directory}'.");
        }

        byte[] manifestBytes = File.ReadAllBytes(manifestPath);
        Manifest manifest = Manifest.Parse(manifestBytes, manifestPath);
        var problems = manifest.Problems.Select(p => new IngestProblem(Corpus.ManifestFileName, p)).ToList();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(manifestBytes);
        var documents = new List<(DocumentInfo, byte[])>();
        foreach (DocumentInfo info in manifest.Documents)
        {
            long max = DocumentReaders.For(info.File) is TextDocumentReader ? _options.MaxTextBytes : _options.MaxBinaryBytes;
            string? path = CorpusJail.Resolve(directory, info.File, max, out string? problem);
            if (path is null)
            {
                problems.Add(new IngestProblem(info.File, problem!));
                continue;
            }

            try
            {
                byte[] bytes = CorpusJail.ReadBounded(path, max, info.File);
                hash.AppendData(bytes);
                documents.Add((info, bytes));
            }
            catch (Exception ex) when (ex is CorpusException or IOException or UnauthorizedAccessException)
            {
                problems.Add(new IngestProblem(info.File, ex.Message));
            }
        }

        var listed = manifest.Documents.Select(d => d.File).ToHashSet(StringComparer.Ordinal);
        foreach (string file in System.IO.Directory.EnumerateFiles(directory).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal))
        {
            if (file != Corpus.ManifestFileName && !file.StartsWith('.') && !listed.Contains(file) && DocumentReaders.All.Any(r => r.Handles(file)))
            {
                problems.Add(new IngestProblem(file, $"{file} is in the documents folder but not in {Corpus.ManifestFileName}; add it with: index add {file}"));
            }
        }

        return new CorpusFiles(directory, manifest, documents, Convert.ToHexStringLower(hash.GetHashAndReset()), problems);
    }

    /// <summary>Ingests the files: layout, records, passages. <paramref name="progress"/> hears of each document as it is done.</summary>
    public KnowledgeBase Ingest(CorpusFiles files, IProgress<DocumentIngest>? progress = null, CancellationToken cancellationToken = default) =>
        Ingest(files, reuse: null, progress, cancellationToken).Knowledge;

    /// <summary>Ingests the files, reusing the parts of <paramref name="reuse"/> (by document hash) instead of reading those
    /// documents again; <paramref name="progress"/> hears only of the documents actually read. The cross-document passes
    /// run over every city.</summary>
    public IngestResult Ingest(CorpusFiles files, IReadOnlyDictionary<string, IngestedPart>? reuse, IProgress<DocumentIngest>? progress = null, CancellationToken cancellationToken = default)
    {
        CityIngest read = IngestCities(files, reuse is null ? null : (hash, info) => reuse.TryGetValue(hash, out IngestedPart? kept) && kept.Source.Info == info ? kept : null, null, progress, cancellationToken);
        return new IngestResult(Knowledge(files, read.Cities, read.Problems), read.Parts, read.Ingested) { Cities = read.Cities };
    }

    /// <summary>The documents of the cities <paramref name="wanted"/> keeps (every city when null) read or taken from
    /// <paramref name="reuse"/> (by hash and manifest entry), each city through the cross-document passes; and every problem.</summary>
    internal CityIngest IngestCities(CorpusFiles files, Func<string, DocumentInfo, IngestedPart?>? reuse, Func<string, bool>? wanted, IProgress<DocumentIngest>? progress, CancellationToken cancellationToken)
    {
        var problems = files.Problems.ToList();
        var parts = new List<IngestedPart>(files.Documents.Count);
        int ingested = 0;

        // Documents are independent until the linkers: read them on every core, keep the manifest's order.
        var read = files.Documents.Select((document, i) => (document.Info, document.Bytes, Hash: files.DocumentHashes[i]))
            .Where(document => wanted is null || wanted(document.Info.City))
            .AsParallel().AsOrdered().WithCancellation(cancellationToken).Select(document =>
        {
            if (reuse?.Invoke(document.Hash, document.Info) is { } kept)
            {
                return (Part: kept, Problem: (IngestProblem?)null, Read: false);
            }

            var stopwatch = Stopwatch.StartNew();
            try
            {
                LayoutDocument layout = DocumentReaders.For(document.Info.File).Read(document.Info, document.Bytes);
                SourceDocument source = layout.ToSourceDocument();
                (RecordSet records, string reader) = ReadRecords(layout, source);
                var part = new IngestedPart(source, document.Hash, records, PassageSplitter.Split(source), reader);
                progress?.Report(new DocumentIngest(document.Info.File, layout.Format, reader, layout.Lines.Count, records.Kpis.Count, records.Projects.Count, stopwatch.Elapsed));
                return (Part: part, Problem: (IngestProblem?)null, Read: true);
            }
            catch (IngestException ex)
            {
                return (Part: (IngestedPart?)null, Problem: new IngestProblem(document.Info.File, ex.Message), Read: true);
            }
        }).ToList();
        foreach ((IngestedPart? part, IngestProblem? problem, bool wasRead) in read)
        {
            ingested += wasRead ? 1 : 0;
            if (problem is not null)
            {
                problems.Add(problem);
                continue;
            }

            parts.Add(part!);
        }

        List<CityKnowledge> cities = [.. CityOrder.Cities(parts, p => p.Source.City).AsParallel().AsOrdered().WithCancellation(cancellationToken)
            .Select(city => CityKnowledge.Assemble(city.Key, [.. city]))];
        return new CityIngest(parts, cities, problems, ingested);
    }

    /// <summary>The knowledge of every city, in memory, in the corpus-wide order (<see cref="CityOrder"/>).</summary>
    internal KnowledgeBase Knowledge(CorpusFiles files, IReadOnlyList<CityKnowledge> cities, List<IngestProblem> problems)
    {
        IReadOnlyList<string> order = [.. files.Documents.Select(d => d.Info.File)];
        (IReadOnlyList<Passage> passages, RecordSet records) = CityOrder.Merge(cities, order);
        var shares = cities.SelectMany(c => c.Documents).ToDictionary(d => d.Source.File, StringComparer.Ordinal);
        var corpus = new Corpus([.. order.Where(shares.ContainsKey).Select(f => shares[f].Source)], files.ContentHash);
        return new KnowledgeBase(corpus, passages, records)
        {
            Version = Stamp(files.ContentHash),
            Problems = [.. problems.Select(p => p.Message)],
            DocumentHashes = shares.ToDictionary(s => s.Key, s => s.Value.Hash, StringComparer.Ordinal),
            ReadingVersion = ReadingVersion,
        };
    }

    /// <summary>The records of one document: the notation interpreters whose header vocabulary the document has, else (or
    /// when they read nothing) the header-role interpreters; every citation placed on its page or cell (<see cref="CitationPlaces"/>).</summary>
    public (RecordSet Records, string Reader) ReadRecords(LayoutDocument layout) => ReadRecords(layout, layout.ToSourceDocument());

    private (RecordSet Records, string Reader) ReadRecords(LayoutDocument layout, SourceDocument source)
    {
        (RecordSet records, string reader) = Interpret(layout);
        return (CitationPlaces.Apply(source, records), reader);
    }

    private (RecordSet Records, string Reader) Interpret(LayoutDocument layout)
    {
        var lines = new LayoutLines(layout);
        var claiming = NotationInterpreters.All.Where(i => i.Claims(lines)).ToList();
        if (claiming.Count > 0)
        {
            RecordSet set = RecordSet.Empty;
            foreach (INotationInterpreter interpreter in claiming)
            {
                set = set.Concat(interpreter.Read(lines));
            }

            // A claim is a guess from the header words: when the claiming interpreters read nothing, the notation is not theirs;
            // when the header-role interpreters read more whole rows, or the kind the claim left (KPIs, projects), theirs are taken.
            if (set.Kpis.Count > 0 || set.Projects.Count > 0)
            {
                string name = string.Join('+', claiming.Select(i => i.Name));
                RecordSet other = _interpreter.Read(layout);
                if (Complete(other) > Complete(set))
                {
                    return (other, "interpreters");
                }

                if (set.Kpis.Count == 0 && other.Kpis.Count > 0)
                {
                    return (set with { Kpis = other.Kpis, Notes = [.. set.Notes, .. other.Notes.Where(n => n.Kind != "unit-missing")] }, name + "+interpreters");
                }

                if (set.Projects.Count == 0 && other.Projects.Count > 0)
                {
                    return (set with { Projects = other.Projects, Totals = [.. set.Totals, .. other.Totals] }, name + "+interpreters");
                }

                // The claim covers the regions its records stand in; whole rows elsewhere in the document are the header-role
                // interpreters' (a town's own table beside a notation the interpreters know).
                ClaimedRegions claimed = ClaimedRegions.Of(layout, set);
                var kpis = other.Kpis.Where(k => IsWhole(k) && !claimed.Covers(k.Source.Line, k.Source.LineEnd)).ToList();
                var projects = other.Projects.Where(p => p.Budget?.Amount is not null && !claimed.Covers(p.Source.Line, p.Source.LineEnd)).ToList();
                if (kpis.Count + projects.Count > 0)
                {
                    var totals = other.Totals.Where(t => !claimed.Covers(t.Source.Line, t.Source.LineEnd));
                    return (set with { Kpis = [.. set.Kpis, .. kpis], Projects = [.. set.Projects, .. projects], Totals = [.. set.Totals, .. totals] }, name + "+interpreters");
                }

                return (set, name);
            }
        }

        return (_interpreter.Read(layout), "interpreters");
    }

    /// <summary>How many rows a reading got whole: KPIs with a target and a baseline or actual figure, projects with a budget.</summary>
    private static int Complete(RecordSet set) => set.Kpis.Count(IsWhole) + set.Projects.Count(p => p.Budget?.Amount is not null);

    private static bool IsWhole(KpiRecord k) => k.Target?.Number is not null && (k.Baseline?.Number is not null || k.Actual?.Number is not null);
}
