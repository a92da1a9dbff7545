namespace StrategyAssistant.Bot.Tests.Infrastructure;

/// <summary>A fake identity provider, a fake connector and a bot host that requires tokens, shared by a test class.</summary>
public sealed class AuthenticatedBotFixture : IAsyncLifetime
{
    internal FakeIdentity Identity { get; private set; } = null!;

    internal FakeConnector Connector { get; private set; } = null!;

    internal BotTestHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Identity = await FakeIdentity.StartAsync();
        Connector = await FakeConnector.StartAsync();
        Dictionary<string, string?> settings = BotTestHost.AuthenticatedSettings(Identity);
        settings["Bot:AllowedTenants:0"] = Activities.UserTenant;
        Host = await BotTestHost.StartAsync(settings, identity: Identity);
    }

    internal string Token(string? serviceUrl = null) => Identity.CreateToken(BotTestHost.AppId, serviceUrl ?? Connector.ServiceUrl);

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Connector.DisposeAsync();
        await Identity.DisposeAsync();
    }
}
