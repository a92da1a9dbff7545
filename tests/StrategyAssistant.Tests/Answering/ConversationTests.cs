using StrategyAssistant.Answering;

namespace StrategyAssistant.Tests.Answering;

[Collection(AssistantCollection.Name)]
public sealed class ConversationTests(TestAssistant assistant)
{
    private static Conversation New() => new(TestCorpus.Corpus.Cities);

    [Fact]
    public void State_kept_by_the_host_carries_the_subject_between_independent_readers()
    {
        (_, ConversationState state) = New().Resolve(ConversationState.Empty, "芦別市の移住者数の目標は？");
        (string resolved, ConversationState next) = New().Resolve(state, "その基準値は？");

        Assert.Contains("芦別市", resolved, StringComparison.Ordinal);
        Assert.Contains("移住者", resolved, StringComparison.Ordinal);
        Assert.Equal(resolved, next.Subject);
        Assert.Equal(state, New().Resolve(state, "   ").Next);
    }

    [Fact]
    public void A_follow_up_without_a_topic_reuses_the_previous_topic_and_city()
    {
        Conversation conversation = New();
        conversation.Resolve("芦別市の移住者数の目標は？");
        string resolved = conversation.Resolve("その基準値は？");

        Assert.Contains("芦別市", resolved, StringComparison.Ordinal);
        Assert.Contains("移住者", resolved, StringComparison.Ordinal);
        Assert.Contains("基準値", resolved, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_city_alone_keeps_the_topic_and_the_ask()
    {
        Conversation conversation = New();
        conversation.Resolve("岩見沢市の合計特殊出生率の目標は？");
        string resolved = conversation.Resolve("旭川市は？");

        Assert.Contains("旭川市", resolved, StringComparison.Ordinal);
        Assert.DoesNotContain("岩見沢", resolved, StringComparison.Ordinal);
        Assert.Contains("出生率", resolved, StringComparison.Ordinal);
        Assert.Contains("目標", resolved, StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_topic_keeps_the_city_only_and_reset_forgets_it()
    {
        Conversation conversation = New();
        conversation.Resolve("砂川市の就業者数の目標は？");
        Assert.Contains("砂川市", conversation.Resolve("観光入込客数の実績は？"), StringComparison.Ordinal);

        conversation.Reset();
        Assert.Equal("観光入込客数の実績は?", conversation.Resolve("観光入込客数の実績は？"));
    }

    [Fact]
    public async Task Follow_ups_are_answered_from_the_right_records()
    {
        Conversation conversation = New();
        Answer first = await assistant.AskAsync(conversation.Resolve("芦別市の移住者数の目標は？"));
        Answer second = await assistant.AskAsync(conversation.Resolve("その基準値は？"));

        Assert.Contains("40人", first.Text, StringComparison.Ordinal);
        Assert.Contains("16人", second.Text, StringComparison.Ordinal);
        Assert.Contains(second.Citations, c => c.Covers("004_62fb755ce21c91b3.txt", 118));
    }
}
