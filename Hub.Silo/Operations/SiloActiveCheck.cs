using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Hub.Silo.Operations;

/// <summary>Ready only while this silo is an active member of its cluster (not joining, not shutting down).</summary>
public sealed class SiloActiveCheck(IClusterMembershipService membership, ILocalSiloDetails silo) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = membership.CurrentSnapshot.GetSiloStatus(silo.SiloAddress);
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy("active in the cluster")
            : HealthCheckResult.Unhealthy($"not active in the cluster: {status}"));
    }
}
