using Hub.Grains.Topology;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Hub.Silo.Operations;

/// <summary>
/// The topology is in this silo's catalog. A hub with none stored yet is degraded, not unready: it
/// must stay reachable for the admin who loads one (<c>PUT /api/v1/topology</c>).
/// </summary>
public sealed class TopologyLoadedCheck(TopologyCatalog catalog) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(catalog.Current.Version > 0
            ? HealthCheckResult.Healthy("loaded")
            : HealthCheckResult.Degraded("none stored yet: an admin loads one with PUT /api/v1/topology"));
}
