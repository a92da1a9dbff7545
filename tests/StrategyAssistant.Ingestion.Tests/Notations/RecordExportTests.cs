using System.Text;
using System.Text.Json;
using StrategyAssistant.Ingestion.Interpreters;
using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion.Tests.Notations;

public sealed class RecordExportTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "records-export-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void Json_has_kpis_projects_and_notes()
    {
        using JsonDocument json = JsonDocument.Parse(RecordExport.ToJson(AsahikawaRecords.All, "旭川市"));
        JsonElement root = json.RootElement;
        Assert.Equal(36, root.GetProperty("kpis").GetArrayLength());
        Assert.Equal(191, root.GetProperty("projects").GetArrayLength());
        Assert.True(root.GetProperty("notes").GetArrayLength() >= 7);

        JsonElement medical = root.GetProperty("projects").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "子ども医療費助成事業");
        Assert.Equal("旭川市", medical.GetProperty("city").GetString());
        Assert.Equal("001_a912f52f4cccf086.txt", medical.GetProperty("file").GetString());
        Assert.Equal(716, medical.GetProperty("line").GetInt32());
        Assert.Equal(1, medical.GetProperty("goalNumber").GetInt32());
        Assert.StartsWith("若い世代の結婚", medical.GetProperty("goal").GetString(), StringComparison.Ordinal);
        Assert.Equal("安心して妊娠、出産、育児ができる総合的な支援", medical.GetProperty("measure").GetString());
        Assert.Equal("14", medical.GetProperty("number").GetString());
        Assert.Equal("子育て支援部", medical.GetProperty("department").GetString());
        Assert.Equal(1_104_287m, medical.GetProperty("budget").GetDecimal());
        Assert.Equal("千円", medical.GetProperty("budgetUnit").GetString());
        Assert.Equal("1,104,287", medical.GetProperty("budgetText").GetString());
        Assert.False(medical.GetProperty("repeat").GetBoolean());

        JsonElement kpi = root.GetProperty("kpis").EnumerateArray().Single(k => k.GetProperty("indicator").GetString()!.StartsWith("まちなか居住人口", StringComparison.Ordinal));
        Assert.Equal("9,677", kpi.GetProperty("actual").GetProperty("text").GetString());
        Assert.Equal(9677m, kpi.GetProperty("actual").GetProperty("number").GetDecimal());
        Assert.Equal(101, kpi.GetProperty("actual").GetProperty("line").GetInt32());
        Assert.Equal(2019, kpi.GetProperty("baseline").GetProperty("period").GetProperty("start").GetInt32());
    }

    [Fact]
    public void City_filter()
    {
        using JsonDocument json = JsonDocument.Parse(RecordExport.ToJson(AsahikawaRecords.All, "どこにもない市"));
        Assert.Equal(0, json.RootElement.GetProperty("kpis").GetArrayLength());
        Assert.Equal(0, json.RootElement.GetProperty("projects").GetArrayLength());
    }

    [Fact]
    public void Csv_files_are_utf8_with_bom_one_per_kind()
    {
        IReadOnlyList<string> paths = RecordExport.WriteCsv(AsahikawaRecords.All, _directory, "旭川市");
        Assert.Equal(["kpis.csv", "projects.csv", "notes.csv", "totals.csv"], paths.Select(Path.GetFileName));
        foreach (string path in paths)
        {
            byte[] bytes = File.ReadAllBytes(path);
            Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        }

        string[] projects = File.ReadAllLines(Path.Combine(_directory, "projects.csv"), Encoding.UTF8);
        Assert.Equal(192, projects.Length);
        Assert.StartsWith("id,city,file,line,goalNumber,goal,measureMark,measure,number,name,department,budget,budgetUnit,budgetText", projects[0], StringComparison.Ordinal);
        Assert.Contains(projects, l => l.Contains("子ども医療費助成事業,子育て支援部,1104287,千円,\"1,104,287\"", StringComparison.Ordinal));

        Assert.Empty(Directory.GetFiles(_directory, "*.tmp"));
    }

    [Fact]
    public void Json_is_written_atomically_over_an_old_file()
    {
        string path = Path.Combine(_directory, "records.json");
        Directory.CreateDirectory(_directory);
        File.WriteAllText(path, "old");
        RecordExport.WriteJson(AsahikawaRecords.All, path, "旭川市");
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(path));
        Assert.True(json.RootElement.GetProperty("projects").GetArrayLength() > 0);
        Assert.Single(Directory.GetFiles(_directory));
    }

    [Fact]
    public void Csv_quotes_commas_quotes_and_newlines()
    {
        var note = new DataQualityNote("旭川市", "total-mismatch", "a,\"b\"\nc", []);
        string csv = RecordExport.NotesToCsv([note]);
        Assert.Contains("\"a,\"\"b\"\"\nc\"", csv, StringComparison.Ordinal);
    }
}
