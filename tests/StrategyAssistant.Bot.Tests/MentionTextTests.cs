using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Xunit;
using StrategyAssistant.Bot.Protocol;

namespace StrategyAssistant.Bot.Tests;

public sealed class MentionTextTests
{
    private static JsonObject Mention(string id, string text) =>
        new() { ["type"] = "mention", ["mentioned"] = new JsonObject { ["id"] = id, ["name"] = "Bot" }, ["text"] = text };

    [Theory]
    [InlineData("<at>StrategyAssistant</at> 芦別市の移住者数の目標は？", "芦別市の移住者数の目標は？")]
    [InlineData("芦別市の移住者数の目標は？ <at>StrategyAssistant</at>", "芦別市の移住者数の目標は？")]
    [InlineData("<at>@StrategyAssistant</at>&nbsp;芦別市の移住者数", "芦別市の移住者数")]
    [InlineData("  芦別市の移住者数  ", "芦別市の移住者数")]
    public void The_bot_mention_is_removed(string text, string expected)
    {
        string mentionText = Regex.Match(text, "<at>.*?</at>").Value;
        Assert.Equal(expected, MentionText.StripBotMention(text, [Mention("28:bot", mentionText.Length > 0 ? mentionText : "<at>x</at>")], "28:bot"));
    }

    [Fact]
    public void A_mention_entity_for_someone_else_is_not_trusted_but_leftover_at_tags_go()
    {
        Assert.Equal("と 砂川市の就業者数", MentionText.StripBotMention("<at>Bot</at> と <at>佐藤</at> 砂川市の就業者数", [Mention("29:someone", "<at>佐藤</at>"), Mention("28:bot", "<at>Bot</at>")], "28:bot"));
        Assert.Equal(string.Empty, MentionText.StripBotMention(null, null, "28:bot"));
    }

    [Property(MaxTest = 300)]
    public bool Stripping_a_mention_leaves_exactly_the_question(NonNull<string> name, NonNull<string> question)
    {
        string safeName = name.Get.Replace("<", "", StringComparison.Ordinal).Replace(">", "", StringComparison.Ordinal);
        string q = question.Get.Replace("<", "", StringComparison.Ordinal).Replace("&", "", StringComparison.Ordinal).Replace('\u00A0', ' ');
        string mention = $"<at>{safeName}</at>";
        string result = MentionText.StripBotMention(mention + " " + q, [Mention("28:bot", mention)], "28:bot");
        return result == Regex.Replace(q, "[ \t]+", " ").Trim() && !result.Contains("<at>", StringComparison.OrdinalIgnoreCase);
    }
}
