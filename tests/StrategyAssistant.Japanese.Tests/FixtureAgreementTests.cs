using Xunit.Abstractions;

namespace StrategyAssistant.Japanese.Tests;

/// <summary>Agreement with the real Kuromoji on 1,903 corpus sentences (issue thresholds).</summary>
public sealed class FixtureAgreementTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(JapaneseTokenizerMode.NORMAL, "seed-sentences.kuromoji-normal.tsv.gz")]
    [InlineData(JapaneseTokenizerMode.SEARCH, "seed-sentences.kuromoji-search.tsv.gz")]
    public void Tokenizer_matches_kuromoji(JapaneseTokenizerMode mode, string fixture)
    {
        string[] sentences = Fixtures.Sentences();
        var expected = Fixtures.ParseBlocks(Fixtures.ReadText(fixture));
        var writer = new StringWriter();
        TokenizeFormatter.WriteTokens(new StringReader(string.Join('\n', sentences)), writer, mode);
        var actual = Fixtures.ParseBlocks(writer.ToString());
        Assert.Equal(sentences.Length, expected.Count);
        Assert.Equal(sentences.Length, actual.Count);

        int segmentationSame = 0;
        int featuresSame = 0;
        var report = new List<string>();
        for (int i = 0; i < sentences.Length; i++)
        {
            var exp = Fixtures.JoinReiwa(expected[i], analyzer: false);
            var act = actual[i];
            bool seg = exp.Count == act.Count && exp.Zip(act).All(p => p.First.Take(5).SequenceEqual(p.Second.Take(5)));
            bool all = exp.Count == act.Count && exp.Zip(act).All(p => p.First.SequenceEqual(p.Second));
            segmentationSame += seg ? 1 : 0;
            featuresSame += all ? 1 : 0;
            if (!all && report.Count < 40)
            {
                report.Add($"#{i} {sentences[i]}\n  expected: {Format(exp)}\n  actual:   {Format(act)}");
            }
        }

        double segRate = (double)segmentationSame / sentences.Length;
        double featRate = (double)featuresSame / sentences.Length;
        output.WriteLine($"{mode}: tokens/offsets/positions identical on {segmentationSame}/{sentences.Length} = {segRate:P2}; all fields (POS, base form, reading, pronunciation, inflection) identical on {featuresSame}/{sentences.Length} = {featRate:P2}");
        foreach (string line in report)
        {
            output.WriteLine(line);
        }

        Assert.True(segRate >= 0.995, $"segmentation agreement {segRate:P2} < 99.5%");
        Assert.True(featRate >= 0.99, $"feature agreement {featRate:P2} < 99%");
    }

    [Fact]
    public void Analyzer_matches_kuromoji()
    {
        string[] sentences = Fixtures.Sentences();
        var expected = Fixtures.ParseBlocks(Fixtures.ReadText("seed-sentences.kuromoji-analyzer.tsv.gz"));
        var writer = new StringWriter();
        TokenizeFormatter.WriteAnalyzerTerms(new StringReader(string.Join('\n', sentences)), writer);
        var actual = Fixtures.ParseBlocks(writer.ToString());
        Assert.Equal(sentences.Length, actual.Count);
        int same = 0;
        var report = new List<string>();
        for (int i = 0; i < sentences.Length; i++)
        {
            var exp = Fixtures.JoinReiwa(expected[i], analyzer: true);
            var act = actual[i];
            bool ok = exp.Count == act.Count && exp.Zip(act).All(p => p.First.SequenceEqual(p.Second));
            same += ok ? 1 : 0;
            if (!ok && report.Count < 40)
            {
                report.Add($"#{i} {sentences[i]}\n  expected: {Format(exp)}\n  actual:   {Format(act)}");
            }
        }

        double rate = (double)same / sentences.Length;
        output.WriteLine($"Analyzer: terms identical on {same}/{sentences.Length} = {rate:P2}");
        foreach (string line in report)
        {
            output.WriteLine(line);
        }

        Assert.True(rate >= 0.99, $"analyzer agreement {rate:P2} < 99%");
    }

    private static string Format(List<string[]> tokens) => string.Join(" | ", tokens.Select(t => string.Join(',', t)));
}
