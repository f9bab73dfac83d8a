using System.Text.Json;
using Hub.Dashboard.Access;
using Hub.Silo.Hosting;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Hub.Silo.Operations;

/// <summary>
/// <c>/health/live</c> (the process answers) and <c>/health/ready</c> (this silo can serve: it is in
/// the cluster, its topology is loaded, PostgreSQL answers when configured; 503 naming what is not).
/// No sign-in: probes carry no credentials, so the answers say nothing about the data.
/// </summary>
public static class HealthEndpoints
{
    public const string Ready = "ready";

    public static IServiceCollection AddHubHealth(this IServiceCollection services, SiloOptions options, string? connectionString)
    {
        var checks = services.AddHealthChecks()
            .AddCheck<SiloActiveCheck>("silo", tags: [Ready])
            .AddCheck<TopologyLoadedCheck>("topology", tags: [Ready]);
        if (options.Storage == "postgres" && connectionString is not null)
        {
            // A connection of its own, so a probe never waits behind a full pool of the hub's writes.
            checks.AddNpgSql(Storage.Postgres.PostgresStorage.WithPool(connectionString, 2), name: "postgres", tags: [Ready], timeout: TimeSpan.FromSeconds(3));
        }
        return services;
    }

    public static WebApplication MapHubHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = Write }).Allow(Permission.Anyone);
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready), ResponseWriter = Write }).Allow(Permission.Anyone);
        return app;
    }

    /// <summary><c>{"status":"Unhealthy","checks":{"postgres":{"status":"Unhealthy","description":"…"}}}</c>.</summary>
    private static Task Write(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = Describe(e.Value) }),
        }));
    }

    // An exception's message can carry a host name or a user: a probe is told only that it failed.
    private static string? Describe(HealthReportEntry entry) => entry.Exception is null ? entry.Description : "does not answer";
}
