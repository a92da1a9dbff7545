using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace StrategyAssistant.Hosting;

/// <summary>The <c>Telemetry</c> configuration section: where spans and metrics go.</summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    /// <summary><c>none</c> (default), <c>console</c> or <c>otlp</c>.</summary>
    public string Exporter { get; set; } = "none";

    /// <summary>The OTLP endpoint (e.g. <c>http://127.0.0.1:4317</c>). Empty: the exporter's default or <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary><c>grpc</c> (default) or <c>http</c> (http/protobuf).</summary>
    public string OtlpProtocol { get; set; } = "grpc";

    /// <summary>The service name reported with every span and metric.</summary>
    public string ServiceName { get; set; } = Telemetry.Name;
}

/// <summary>What every host adds besides the assistant: OpenTelemetry tracing and metrics over <see cref="Telemetry"/>,
/// exported as configured.</summary>
public static class ServiceDefaults
{
    /// <summary>The ActivitySource ASP.NET Core starts request spans on.</summary>
    public const string AspNetCoreSource = "Microsoft.AspNetCore";

    /// <summary>HttpClient's own ActivitySource (.NET 9 and later): one span per request, retries included.</summary>
    public const string HttpClientSource = "System.Net.Http";

    /// <summary>Semantic Kernel's sources (kernel functions, chat completion), by wildcard.</summary>
    public const string SemanticKernelSources = "Microsoft.SemanticKernel*";

    /// <summary>Adds OpenTelemetry for the assistant's source and meter (plus <paramref name="extraSources"/>), with the
    /// exporter from <c>Telemetry:Exporter</c>. With <c>none</c> and no callbacks nothing is registered (tests add their own
    /// exporter through <paramref name="configureTracing"/> / <paramref name="configureMetrics"/>).</summary>
    public static IServiceCollection AddStrategyAssistantTelemetry(this IServiceCollection services, IConfiguration configuration,
        Action<TracerProviderBuilder>? configureTracing = null, Action<MeterProviderBuilder>? configureMetrics = null, params string[] extraSources)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new TelemetryOptions();
        configuration.GetSection(TelemetryOptions.SectionName).Bind(options);
        string exporter = options.Exporter?.Trim().ToLowerInvariant() ?? "none";
        if (exporter is not ("none" or "" or "console" or "otlp"))
        {
            throw new InvalidOperationException($"Unknown Telemetry:Exporter '{options.Exporter}' (none, console or otlp).");
        }

        if (exporter is "none" or "" && configureTracing is null && configureMetrics is null)
        {
            return services;
        }

        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(options.ServiceName))
            .WithTracing(tracing =>
            {
                // ASP.NET Core's own request spans too: the assistant's spans are their children, and a parent-based
                // sampler drops children of an unrecorded parent. HttpClient's and Semantic Kernel's spans sit beneath
                // the model-call and connector-send spans.
                tracing.AddSource(Telemetry.Name, AspNetCoreSource, HttpClientSource, SemanticKernelSources).AddSource(extraSources);
                switch (exporter)
                {
                    case "console":
                        tracing.AddConsoleExporter();
                        break;
                    case "otlp":
                        tracing.AddOtlpExporter(o => Otlp(o, options));
                        break;
                }

                configureTracing?.Invoke(tracing);
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(Telemetry.Name);
                switch (exporter)
                {
                    case "console":
                        metrics.AddConsoleExporter();
                        break;
                    case "otlp":
                        metrics.AddOtlpExporter(o => Otlp(o, options));
                        break;
                }

                configureMetrics?.Invoke(metrics);
            });
        return services;
    }

    private static void Otlp(OtlpExporterOptions exporter, TelemetryOptions options)
    {
        if (Uri.TryCreate(options.OtlpEndpoint, UriKind.Absolute, out Uri? endpoint))
        {
            exporter.Endpoint = endpoint;
        }

        exporter.Protocol = string.Equals(options.OtlpProtocol, "http", StringComparison.OrdinalIgnoreCase) ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
    }
}
