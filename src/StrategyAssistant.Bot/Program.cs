using StrategyAssistant.Bot;
using StrategyAssistant.Bot.Packaging;
using StrategyAssistant.Hosting;
using StrategyAssistant.Ingestion;

if (args.Length > 0 && args[0] == "package")
{
    IConfiguration configuration = new ConfigurationBuilder()
        .SetBasePath(AppContext.BaseDirectory)
        .AddJsonFile("appsettings.json", optional: true)
        .AddEnvironmentVariables()
        .Build();
    var bot = new BotOptions();
    configuration.GetSection(BotOptions.SectionName).Bind(bot);
    return PackageCommand.Run(args[1..], bot.EffectiveExampleQuestions, bot.MicrosoftAppId, Console.Out, Console.Error);
}

WebApplication app = BotApplication.Build(new WebApplicationOptions { Args = args }, builder => builder.Services.AddStrategyAssistant(builder.Configuration).AddStrategyAssistantIngestion(builder.Configuration));
await app.RunAsync().ConfigureAwait(false);
return 0;
