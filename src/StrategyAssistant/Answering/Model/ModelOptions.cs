namespace StrategyAssistant.Answering.Model;

/// <summary>The chat model endpoint, bound from <c>StrategyAssistant:Model</c>: an OpenAI-compatible endpoint (OpenAI, Ollama,
/// llama.cpp server, vLLM, Azure OpenAI's v1 endpoint) or Azure OpenAI (endpoint + deployment, with an API key or Entra ID).
/// Without an endpoint the assistant answers offline.</summary>
public sealed class ModelOptions
{
    public const string SectionName = "StrategyAssistant:Model";

    /// <summary><c>openai</c> (any OpenAI-compatible endpoint) or <c>azure</c> (Azure OpenAI). Default: <c>azure</c> when a
    /// <see cref="Deployment"/> is set, else <c>openai</c>.</summary>
    public string? Provider { get; set; }

    /// <summary>The base URL, e.g. <c>https://api.openai.com/v1</c>, <c>http://localhost:11434/v1</c> (Ollama); for Azure OpenAI
    /// the resource endpoint <c>https://{resource}.openai.azure.com/</c>.</summary>
    public string? Endpoint { get; set; }

    /// <summary>The model name (OpenAI-compatible); optional for Azure OpenAI, where <see cref="Deployment"/> names it.</summary>
    public string? ModelId { get; set; }

    /// <summary>The Azure OpenAI deployment name.</summary>
    public string? Deployment { get; set; }

    /// <summary>The Azure OpenAI API version (e.g. <c>2024-10-21</c>), or null for the client library's default.</summary>
    public string? ApiVersion { get; set; }

    /// <summary>The API key. For Azure OpenAI without a key, Entra ID is used through Azure.Identity's
    /// <c>DefaultAzureCredential</c> (managed identity, workload identity, Azure CLI …).</summary>
    public string? ApiKey { get; set; }

    /// <summary>For Entra ID: the client id of a user-assigned managed identity, or null.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>The overall deadline of one model answer: connection, headers and body (streamed or not), every retry
    /// included. Past it the offline answer is shown with a notice.</summary>
    public int DeadlineSeconds { get; set; } = 25;

    /// <summary>The timeout of one HTTP attempt (until the response headers).</summary>
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>Retries on 408, 429, 5xx, connection errors and attempt timeouts (exponential backoff with jitter, Retry-After
    /// honoured), within the deadline.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>The first retry's delay; later ones double (with jitter).</summary>
    public int RetryDelayMilliseconds { get; set; } = 500;

    /// <summary>How long the circuit stays open (calls fail at once and the offline answer is shown) after most recent calls
    /// failed.</summary>
    public int BreakDurationSeconds { get; set; } = 30;

    /// <summary>The prompt directory root (Semantic Kernel layout). Default: <c>prompts</c> found above the current directory.</summary>
    public string? PromptsPath { get; set; }

    public bool IsAzure => string.Equals(Provider, "azure", StringComparison.OrdinalIgnoreCase)
        || (string.IsNullOrWhiteSpace(Provider) && !string.IsNullOrWhiteSpace(Deployment));

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Endpoint)
        && (IsAzure ? !string.IsNullOrWhiteSpace(Deployment) : !string.IsNullOrWhiteSpace(ModelId));
}
