namespace StrategyAssistant.Answering.Model;

/// <summary>An OpenAI-compatible chat endpoint (OpenAI, Azure OpenAI's v1 endpoint, Ollama, llama.cpp server, vLLM), bound from
/// <c>StrategyAssistant:Model</c>. Without an endpoint the assistant answers offline.</summary>
public sealed class ModelOptions
{
    public const string SectionName = "StrategyAssistant:Model";

    /// <summary>The base URL, e.g. <c>https://api.openai.com/v1</c>, <c>http://localhost:11434/v1</c> (Ollama) or
    /// <c>https://{resource}.openai.azure.com/openai/v1</c>.</summary>
    public string? Endpoint { get; set; }

    /// <summary>The model or deployment name.</summary>
    public string? ModelId { get; set; }

    /// <summary>The API key (local servers usually accept any value).</summary>
    public string? ApiKey { get; set; }

    /// <summary>Per-request timeout.</summary>
    public int TimeoutSeconds { get; set; } = 60;

    /// <summary>Retries on 429, 5xx and timeouts, with exponential backoff.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>The prompt directory root (Semantic Kernel layout). Default: <c>prompts</c> found above the current directory.</summary>
    public string? PromptsPath { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Endpoint) && !string.IsNullOrWhiteSpace(ModelId);
}
