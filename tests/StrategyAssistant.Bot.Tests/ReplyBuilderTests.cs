using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Xunit;
using StrategyAssistant.Answering;
using StrategyAssistant.Bot.Protocol;
using StrategyAssistant.Bot.Replies;
using StrategyAssistant.Documents;

namespace StrategyAssistant.Bot.Tests;

public sealed class ReplyBuilderTests
{
    private static Activity Inbound() => new()
    {
        Type = "message",
        Id = "1234",
        ServiceUrl = "https://smba.trafficmanager.net/amer/",
        ChannelId = "msteams",
        From = new ChannelAccount { Id = "29:user", Name = "User" },
        Recipient = new ChannelAccount { Id = "28:bot", Name = "Bot" },
        Conversation = new ConversationAccount { Id = "a:conv", ConversationType = "personal" },
        Locale = "ja-JP",
    };

    private static Citation Cite(int n, string quote) => new($"{n:000}_doc.txt", "芦別市 第2期まち・ひと・しごと創生総合戦略（施策・KPI）", "芦別市", n, n + 1, quote);

    [Fact]
    public void An_oversized_answer_is_trimmed_under_80_KB_and_keeps_one_entity_and_the_text_markers()
    {
        string longQuote = string.Concat(Enumerable.Repeat("移住者数 16人 移住者数 40人 ", 400));
        var answer = new Answer
        {
            Question = "q",
            Text = "芦別市の移住者数の目標は40人です[1]。" + string.Concat(Enumerable.Range(2, 29).Select(n => $"補足[{n}]。")),
            Citations = [.. Enumerable.Range(1, 30).Select(n => Cite(n, longQuote))],
            Figures = [.. Enumerable.Range(1, 200).Select(n => new Figure(n.ToString(System.Globalization.CultureInfo.InvariantCulture), "人", "令和7年度", 1, $"指標{n} 目標値"))],
        };

        Activity reply = ReplyBuilder.Answer(Inbound(), answer, 80 * 1024);
        Assert.True(ReplyBuilder.Size(reply) <= 80 * 1024, $"size {ReplyBuilder.Size(reply)}");
        Assert.StartsWith("芦別市の移住者数の目標は40人です[1]", reply.Text, StringComparison.Ordinal);
        JsonObject entity = Assert.Single(reply.Entities!);
        Assert.Equal(ReplyBuilder.MaxCitations, entity["citation"]!.AsArray().Count);
        Assert.True((bool)reply.ChannelData!["feedbackLoopEnabled"]!);
    }

    [Fact]
    public void A_small_answer_keeps_full_quotes_and_citation_modals()
    {
        var answer = new Answer { Question = "q", Text = "40人です[1]。", Citations = [Cite(118, "移住者数 16人 移住者数 40人")], Figures = [new Figure("40", "人", null, 1, "移住者数 目標値")] };
        Activity reply = ReplyBuilder.Answer(Inbound(), answer, 80 * 1024);
        JsonObject appearance = (JsonObject)reply.Entities![0]["citation"]![0]!["appearance"]!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)appearance["encodingFormat"]);
        Assert.Contains("移住者数 40人", (string)appearance["text"]!, StringComparison.Ordinal);
        Assert.Contains("移住者数 16人 移住者数 40人", ActivityJson.Serialize(reply), StringComparison.Ordinal);
        Assert.Equal("1234", reply.ReplyToId);
        Assert.Equal("28:bot", reply.From!.Id);
        Assert.Equal("29:user", reply.Recipient!.Id);
    }

    [Property(MaxTest = 200)]
    public bool Citation_names_and_abstracts_always_fit_the_Teams_limits(NonNull<string> title, NonNull<string> quote, NonNull<string> city, PositiveInt line)
    {
        var citation = new Citation("004_x.txt", title.Get, city.Get, line.Get, line.Get + 2, quote.Get);
        JsonObject entity = ReplyBuilder.MessageEntity([citation]);
        JsonObject appearance = (JsonObject)entity["citation"]![0]!["appearance"]!;
        string name = (string)appearance["name"]!;
        string summary = (string)appearance["abstract"]!;
        return name.Length <= 80 && summary.Length <= 160 && appearance["keywords"]!.AsArray().All(k => ((string)k!).Length <= 28)
            && !(name.Length > 0 && char.IsHighSurrogate(name[^1]));
    }

    [Theory]
    [InlineData("移住者数 目標値", FigureKind.Target, "移住者数")]
    [InlineData("移住者数（基準値）", FigureKind.Baseline, "移住者数")]
    [InlineData("観光入込客数 実績値", FigureKind.Actual, "観光入込客数")]
    [InlineData("就業者数・現状値", FigureKind.Baseline, "就業者数")]
    [InlineData("移住支援事業 予算", FigureKind.Other, "移住支援事業 予算")]
    [InlineData(null, FigureKind.Other, "")]
    public void Figure_labels_are_classified_into_table_columns(string? label, FigureKind kind, string indicator)
    {
        Assert.Equal((kind, indicator), FigureTable.Classify(label));
    }

    [Fact]
    public void Figures_pivot_into_one_row_per_indicator_with_years_and_citation_numbers()
    {
        IReadOnlyList<FigureRow> rows = FigureTable.Build(
        [
            new Figure("16", "人", "令和元年度", 1, "移住者数 基準値"),
            new Figure("40", "人", "令和7年度", 1, "移住者数 目標値"),
            new Figure("22", "人", "令和3年度", 2, "移住者数 実績値"),
            new Figure("1,625", "千人", "令和元年", 3, "観光入込客数 基準値"),
            new Figure("500", "千円", "令和4年度", 4, "移住支援事業 予算"),
            new Figure("41人", "人", "令和8年度", 5, "移住者数 目標値"),
        ]);
        Assert.Equal(["移住者数", "観光入込客数", "移住支援事業 予算"], rows.Select(r => r.Indicator));
        Assert.Equal(["16人（令和元年度） [1]"], rows[0].Baseline);
        Assert.Equal(["40人（令和7年度） [1]", "41人（令和8年度） [5]"], rows[0].Target);
        Assert.Equal(["22人（令和3年度） [2]"], rows[0].Actual);
        Assert.Equal(["500千円（令和4年度） [4]"], rows[2].Other);
    }

    [Fact]
    public void The_welcome_lists_the_examples_as_submit_buttons()
    {
        Activity welcome = ReplyBuilder.Welcome(Inbound(), ["芦別市の移住者数の目標は？", "砂川市の観光入込客数の目標値は？"]);
        JsonArray actions = welcome.Attachments![0].Content!["actions"]!.AsArray();
        Assert.Equal(2, actions.Count);

        // A plain value payload (no msteams imBack): Teams and the Agents Playground both return it as the message's value.
        Assert.Equal(new JsonObject { ["question"] = "芦別市の移住者数の目標は？" }.ToJsonString(), actions[0]!["data"]!.ToJsonString());
        Assert.DoesNotContain("砂川市の観光入込客数の目標値は？", welcome.Text, StringComparison.Ordinal);
    }
}

public sealed class AnswerCardTests
{
    [Fact]
    public void The_card_is_version_1_5_with_a_kpi_table_without_markers_notes_and_sources_named_as_a_person_would()
    {
        var citation = new Citation("004_62fb755ce21c91b3.txt", "第2期総合戦略", "芦別市", 117, 118, "移住者数 16人\t移住者数 40人");
        var answer = new Answer
        {
            Question = "芦別市の移住者数の目標は？",
            Text = "40人です[1]。",
            Citations = [citation],
            Figures = [new Figure("16", "人", "H30", 1, "移住者数 基準値"), new Figure("40", "人", "R6", 1, "移住者数 目標値")],
            Notes = ["実績値は未公表です。"],
        };
        JsonObject card = (JsonObject)ReplyBuilder.AnswerCard(answer, context: new ReplyContext("a1", new Uri("https://bot.example.jp/sa/"))).Content!;
        Assert.Equal("1.5", (string?)card["version"]);
        JsonArray body = card["body"]!.AsArray();
        JsonObject table = body.OfType<JsonObject>().Single(e => (string?)e["type"] == "Table");
        Assert.True((bool)table["firstRowAsHeader"]!);
        string[][] cells = Cells(table);
        Assert.Equal(["指標", "基準値", "目標値", "実績値"], cells[0]);
        Assert.Equal(["移住者数", "16人（H30）", "40人（R6）", "—"], cells[1]);
        string text = body.ToJsonString(ActivityJson.Options);
        Assert.Contains("[1] 芦別市 第2期総合戦略 117–118行", text, StringComparison.Ordinal);
        Assert.DoesNotContain("004_62fb755ce21c91b3.txt", text, StringComparison.Ordinal);
        Assert.Contains("実績値は未公表です。", text, StringComparison.Ordinal);
        Assert.Contains("https://bot.example.jp/sa/documents/004_62fb755ce21c91b3?line=117&end=118#L117", text, StringComparison.Ordinal);

        // 👍/👎 carry the answer id.
        JsonArray actions = card["actions"]!.AsArray();
        Assert.Equal(["like", "dislike"], actions.Select(a => (string)a!["data"]!["feedback"]!));
        Assert.All(actions, a => Assert.Equal("a1", (string?)a!["data"]!["answerId"]));
    }

    [Fact]
    public void Budgets_make_a_project_table_with_department_status_and_total_and_derivations_their_own_table()
    {
        Citation c1 = new("010_x.txt", "関連事業一覧", "某市", 20, 20, "1 移住促進事業 地域振興部 継続 17,852");
        Citation c2 = new("010_x.txt", "関連事業一覧", "某市", 21, 21, "2 起業支援事業 経済部 新規 3,500");
        var answer = new Answer
        {
            Question = "事業の予算は？",
            Text = "…",
            Citations = [c1, c2],
            Figures = [new Figure("17,852", "千円", "令和6年度", 1, "移住促進事業 予算"), new Figure("3,500", "千円", "令和6年度", 2, "起業支援事業 予算")],
            Derivations = [new Derivation(DerivationKind.Difference, "17,852千円 − 3,500千円 = 14,352千円", "14,352千円", [new DerivationOperand("17,852", "千円", 1, "移住促進事業 予算"), new DerivationOperand("3,500", "千円", 2, "起業支援事業 予算")])],
        };
        StrategyAssistant.Records.ProjectRecord[] projects =
        [
            new() { Id = "a", City = "某市", Source = c1, Name = "移住促進事業", Department = "地域振興部", Status = "継続" },
            new() { Id = "b", City = "某市", Source = c2, Name = "起業支援事業", Department = "経済部", Status = "新規" },
        ];
        IReadOnlyList<AnswerTable> tables = AnswerTables.Build(answer, projects);
        AnswerTable project = Assert.Single(tables, t => t.Kind == AnswerTableKind.Project);
        Assert.Equal(["事業名", "部局", "予算事業費", "新規・継続"], project.Header);
        Assert.Equal(["移住促進事業", "地域振興部", "17,852千円（令和6年度）", "継続"], project.Rows[0]);
        Assert.Equal(["起業支援事業", "経済部", "3,500千円（令和6年度）", "新規"], project.Rows[1]);
        Assert.Equal("21,352千円", project.Footer![2]);
        AnswerTable derivation = Assert.Single(tables, t => t.Kind == AnswerTableKind.Derivation);
        Assert.Contains("17,852千円 − 3,500千円 = 14,352千円", derivation.Title, StringComparison.Ordinal);
        Assert.Equal("14,352千円", derivation.Footer![1]);
        Assert.DoesNotContain(tables, t => t.Kind == AnswerTableKind.Kpi);
    }

    [Fact]
    public void Markers_never_stand_in_table_cells()
    {
        Assert.Equal("40人（R6）", AnswerCard.StripMarkers("40人（R6） [1][2]"));
    }

    internal static string[][] Cells(JsonObject table) =>
        [.. table["rows"]!.AsArray().Select(r => r!["cells"]!.AsArray().Select(c => (string)c!["items"]![0]!["text"]!).ToArray())];
}
