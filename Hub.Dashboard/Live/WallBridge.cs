using System.Collections.Concurrent;
using Hub.Grains.Model;
using Hub.Grains.Push;
using Hub.Grains.Topology;
using Hub.Grains.Units;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Hub.Dashboard.Live;

/// <summary>
/// This silo's push bridge (DESIGN.md principle 5): one Orleans observer that watches, on the unit
/// grains, exactly the units this silo's browsers watch, and fans what it hears out to the SignalR
/// group of each unit. Registrations are refreshed well before they lapse; when the last browser
/// stops watching a unit, the bridge stops watching it too.
/// </summary>
public sealed class WallBridge(
    IGrainFactory grains,
    TopologyCatalog topology,
    IHubContext<WallHub> hub,
    ILogger<WallBridge> logger) : IWallObserver, IHostedService, IDisposable
{
    private static readonly TimeSpan Refresh = Watchers.Lifetime / 4;

    private readonly ConcurrentDictionary<string, HashSet<string>> _unitsByConnection = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _watchCounts = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private IWallObserver? _self;
    private Task? _refreshing;

    public static string Group(string unit) => $"unit:{unit}";

    private IWallObserver Self => _self ??= grains.CreateObjectReference<IWallObserver>(this);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await grains.GetGrain<IAlertFeedGrain>(IAlertFeedGrain.Key).Subscribe(Self);
        _refreshing = RefreshLoop(_stopping.Token);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        if (_refreshing is not null)
        {
            await _refreshing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    public void Dispose() => _stopping.Dispose();

    /// <summary>A browser connection starts watching <paramref name="unit"/>.</summary>
    public async Task Watch(string connectionId, UnitNode unit)
    {
        var units = _unitsByConnection.GetOrAdd(connectionId, _ => new HashSet<string>(StringComparer.Ordinal));
        lock (units)
        {
            if (!units.Add(unit.Code))
            {
                return;
            }
        }
        if (_watchCounts.AddOrUpdate(unit.Code, 1, (_, n) => n + 1) == 1)
        {
            await UnitGrains.Of(grains, unit).Watch(unit.Code, Self);
        }
    }

    public async Task Unwatch(string connectionId, string unit)
    {
        if (_unitsByConnection.TryGetValue(connectionId, out var units))
        {
            lock (units)
            {
                if (!units.Remove(unit))
                {
                    return;
                }
            }
            await Release(unit);
        }
    }

    /// <summary>A connection closed: everything it watched is released.</summary>
    public async Task Forget(string connectionId)
    {
        if (_unitsByConnection.TryRemove(connectionId, out var units))
        {
            string[] watched;
            lock (units)
            {
                watched = [.. units];
            }
            foreach (var unit in watched)
            {
                await Release(unit);
            }
        }
    }

    public void StatusChanged(UnitStatus status) =>
        hub.Clients.Group(Group(status.Code)).SendAsync("status", status).Ignore();

    public void AlertsChanged(IReadOnlyList<AlertEvent> events)
    {
        // Each watched unit on an event's path gets it: a district's screen sees its buildings' alerts.
        foreach (var group in events
            .SelectMany(e => e.Path.Where(_watchCounts.ContainsKey).Select(unit => (unit, e)))
            .GroupBy(x => x.unit, x => x.e))
        {
            hub.Clients.Group(Group(group.Key)).SendAsync("alerts", group.ToArray()).Ignore();
        }
    }

    private async Task Release(string unit)
    {
        if (_watchCounts.AddOrUpdate(unit, 0, (_, n) => n - 1) <= 0)
        {
            _watchCounts.TryRemove(unit, out _);
            if (UnitGrains.Holder(grains, topology.Current, unit) is { } holder)
            {
                await holder.Unwatch(unit, Self);
            }
        }
    }

    private async Task RefreshLoop(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(Refresh);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping))
            {
                try
                {
                    await grains.GetGrain<IAlertFeedGrain>(IAlertFeedGrain.Key).Subscribe(Self);
                    var index = topology.Current;
                    foreach (var unit in _watchCounts.Keys)
                    {
                        if (index.Find(unit) is { } node)
                        {
                            await UnitGrains.Of(grains, node).Watch(unit, Self);
                        }
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Could not refresh the wall's registrations; trying again in {Interval}", Refresh);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
