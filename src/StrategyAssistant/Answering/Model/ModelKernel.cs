using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;

namespace StrategyAssistant.Answering.Model;

/// <summary>The Semantic Kernel with its chat completion service, built once per host from <see cref="ModelOptions"/> over the
/// resilient <see cref="IHttpClientFactory"/> client <see cref="HttpClientName"/>; null when no model is configured. Each
/// answer works on a clone that carries that request's plugin.</summary>
public sealed class ModelKernel
{
    /// <summary>The named HttpClient of the model endpoint (retry with jitter, attempt timeout, circuit breaker).</summary>
    public const string HttpClientName = "StrategyAssistant.Model";

    private readonly Lazy<Kernel?> _kernel;

    /// <param name="options">The endpoint.</param>
    /// <param name="services">Where the HttpClient factory is found when a model is configured (offline, none is registered).</param>
    public ModelKernel(IOptions<ModelOptions> options, IServiceProvider services)
    {
        ModelOptions o = options.Value;
        _kernel = new(() => o.IsConfigured ? Build(o, HttpClients(services).CreateClient(HttpClientName)) : null);
        IsConfigured = o.IsConfigured;
    }

    public bool IsConfigured { get; }

    /// <summary>The shared kernel (no plugins), or null when the assistant answers offline.</summary>
    public Kernel? Kernel => _kernel.Value;

    private static IHttpClientFactory HttpClients(IServiceProvider services) =>
        services.GetService(typeof(IHttpClientFactory)) as IHttpClientFactory ?? throw new InvalidOperationException(
            "A model endpoint is configured but its HttpClient is not registered: set StrategyAssistant:Model:Endpoint in the configuration given to AddStrategyAssistant.");

    private static Kernel Build(ModelOptions o, HttpClient http)
    {
        IKernelBuilder builder = Kernel.CreateBuilder();
        string endpoint = o.Endpoint!.Trim();
        if (o.IsAzure)
        {
            if (string.IsNullOrEmpty(o.ApiKey))
            {
                TokenCredential credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = o.ManagedIdentityClientId });
                builder.AddAzureOpenAIChatCompletion(o.Deployment!, endpoint, credential, modelId: o.ModelId, httpClient: http, apiVersion: o.ApiVersion);
            }
            else
            {
                builder.AddAzureOpenAIChatCompletion(o.Deployment!, endpoint, o.ApiKey, modelId: o.ModelId, httpClient: http, apiVersion: o.ApiVersion);
            }
        }
        else
        {
            builder.AddOpenAIChatCompletion(o.ModelId!, new Uri(endpoint), string.IsNullOrEmpty(o.ApiKey) ? "none" : o.ApiKey, httpClient: http);
        }

        return builder.Build();
    }
}
