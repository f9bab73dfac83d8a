using Hub.Grains.Model;
using Hub.Grains.Telemetry;
using Hub.Grains.Topology;
using Hub.Grains.Units;

namespace Hub.Silo.Operations;

/// <summary>
/// Reads the tally of the topology's top units every 15 s for <c>hub_alerts_active</c>: a gauge's
/// callback cannot wait on a grain, and one call per top unit is all it costs.
/// </summary>
public sealed class ActiveAlertsReader(IGrainFactory grains, TopologyCatalog topology, HubMetrics metrics, ILogger<ActiveAlertsReader> logger) : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var index = topology.Current;
                var counts = AlertCounts.Zero;
                foreach (var top in index.Tops)
                {
                    if (UnitGrains.Holder(grains, index, top) is { } grain)
                    {
                        counts += (await grain.GetTally()).Tally.Alerts;
                    }
                }
                metrics.ActiveAlerts(counts);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The previous figure stands until the next read; a silo shutting down or a slow start is no error.
                logger.LogDebug(e, "Active alerts not read this time");
            }
        }
    }
}
