using Hub.Dashboard.Access;
using Hub.Grains.Telemetry;
using Hub.Silo.Hosting;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Orleans.Dashboard;

namespace Hub.Silo.Operations;

/// <summary>
/// OpenTelemetry: the hub's own meter, ASP.NET Core (requests, Kestrel, SignalR), the .NET runtime,
/// Orleans and Npgsql, scraped by Prometheus at <c>/metrics</c> and, when a collector is named,
/// sent with traces over OTLP.
/// </summary>
public static class Telemetry
{
    public const string MetricsPath = "/metrics";
    public const string DashboardPath = "/dashboard";

    public static WebApplicationBuilder AddHubTelemetry(this WebApplicationBuilder builder, SiloOptions options)
    {
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("governance-hub", serviceInstanceId: Environment.MachineName))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(HubMetrics.MeterName, "Microsoft.Orleans", "Npgsql")
                .AddPrometheusExporter());
        if (options.Otlp.Endpoint is { Length: > 0 } endpoint)
        {
            telemetry
                .WithTracing(t => t.AddAspNetCoreInstrumentation().AddSource("Microsoft.Orleans.Application", "Npgsql"))
                .UseOtlpExporter(OtlpExportProtocol.Grpc, new Uri(endpoint));
        }
        if (options.Metrics.Port is { } port)
        {
            // Kestrel listens on the metrics port too; MapHubMetrics keeps everything else off it.
            var urls = builder.Configuration["urls"] is { Length: > 0 } configured ? configured : HubApplication.DefaultUrl;
            builder.WebHost.UseUrls($"{urls};http://*:{port}");
        }
        builder.Services.AddHostedService<ActiveAlertsReader>();
        return builder;
    }

    public static WebApplication MapHubMetrics(this WebApplication app, SiloOptions options)
    {
        if (options.Metrics.Port is { } port)
        {
            app.MapPrometheusScrapingEndpoint(MetricsPath).RequireHost($"*:{port}").Allow(Permission.Anyone);
        }
        else
        {
            app.MapPrometheusScrapingEndpoint(MetricsPath).Allow(Permission.Operate);
        }
        return app;
    }

    /// <summary>The Orleans dashboard: silos, grains and calls, for admins over the whole topology.</summary>
    public static WebApplication MapOperatorDashboard(this WebApplication app)
    {
        app.MapOrleansDashboard(DashboardPath).Allow(Permission.Operate).ExcludeFromDescription();
        return app;
    }

    /// <summary>On the metrics port, <c>/metrics</c> and nothing else: the API and the wall stay behind the main port.</summary>
    public static WebApplication UseMetricsPortFence(this WebApplication app, SiloOptions options)
    {
        if (options.Metrics.Port is { } port)
        {
            app.Use((context, next) =>
            {
                if (context.Connection.LocalPort == port && !context.Request.Path.Equals(MetricsPath, StringComparison.Ordinal))
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return Task.CompletedTask;
                }
                return next(context);
            });
        }
        return app;
    }
}
