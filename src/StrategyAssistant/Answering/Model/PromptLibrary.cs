using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;

namespace StrategyAssistant.Answering.Model;

/// <summary>The prompt functions of <c>prompts/</c> (Semantic Kernel prompt-directory layout), loaded once at start-up.</summary>
public sealed class PromptLibrary
{
    public const string PluginName = "StrategyAssistant";

    private readonly Lazy<KernelPlugin> _plugin;

    public PromptLibrary(IOptions<ModelOptions> options)
    {
        _plugin = new(() => new Kernel().CreatePluginFromPromptDirectory(Path.Combine(ResolveRoot(options.Value.PromptsPath), PluginName), PluginName));
    }

    /// <summary>The answer prompt: question, numbered sources and the offline draft.</summary>
    public KernelFunction Answer => _plugin.Value["Answer"];

    /// <summary>The prompts folder: configured, else <c>prompts</c> above the current directory or the application's.</summary>
    public static string ResolveRoot(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }

        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (DirectoryInfo? dir = new(start); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "prompts");
                if (Directory.Exists(Path.Combine(candidate, PluginName)))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException("The prompts folder (prompts/StrategyAssistant) was not found; set StrategyAssistant__Model__PromptsPath.");
    }
}
