using System.Collections.Concurrent;
using Hub.Grains.Model;
using Hub.Grains.Push;
using Hub.Grains.Telemetry;
using Hub.Grains.Time;
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
/// stops watching a unit, the bridge stops watching it too. When the day turns, today's figures
/// start again from zero with no change to report, so every watched unit's status is pushed anew.
/// </summary>
public sealed class WallBridge(
    IGrainFactory grains,
    TopologyCatalog topology,
    IHubContext<WallHub> hub,
    HubClock clock,
    HubMetrics metrics,
    ILogger<WallBridge> logger) : IWallObserver, IHostedService, IDisposable
{
    private static readonly TimeSpan Refresh = Watchers.Lifetime / 4;

    // The alert feed is one grain: when the silo holding it dies it comes back elsewhere with no
    // subscribers. Renewing this often puts the walls back on it seconds after it returns.
    private static readonly TimeSpan FeedRenewal = TimeSpan.FromSeconds(2);

    // How often the day is looked at besides at midnight: a clock that is set is noticed within this.
    private static readonly TimeSpan DayCheck = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, HashSet<string>> _unitsByConnection = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _watchCounts = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private IWallObserver? _self;
    private Task? _refreshing;
    private Task? _feed;
    private Task? _dayTurns;

    public static string Group(string unit) => $"unit:{unit}";

    /// <summary>The group of a department's users: the events of the cases their department is summoned to.</summary>
    public static string DepartmentGroup(string department) => $"department:{department}";

    private IWallObserver Self => _self ??= grains.CreateObjectReference<IWallObserver>(this);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await grains.GetGrain<IAlertFeedGrain>(IAlertFeedGrain.Key).Subscribe(Self);
        _refreshing = RefreshLoop(_stopping.Token);
        _feed = FeedLoop(_stopping.Token);
        _dayTurns = DayTurnLoop(_stopping.Token);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        foreach (var loop in new[] { _refreshing, _feed, _dayTurns })
        {
            if (loop is not null)
            {
                await loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
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

    public void StatusChanged(UnitStatus status)
    {
        hub.Clients.Group(Group(status.Code)).SendAsync("status", status).Ignore();
        metrics.Pushed("status", clock.Now - status.AsOf);
    }

    public void AlertsChanged(IReadOnlyList<AlertEvent> events)
    {
        var now = clock.Now;
        foreach (var e in events)
        {
            metrics.Pushed("alerts", now - e.At);
        }
        // Each watched unit on an event's path gets it: a district's screen sees its buildings' alerts.
        foreach (var group in events
            .SelectMany(e => e.Path.Where(_watchCounts.ContainsKey).Select(unit => (unit, e)))
            .GroupBy(x => x.unit, x => x.e))
        {
            hub.Clients.Group(Group(group.Key)).SendAsync("alerts", group.ToArray()).Ignore();
        }
        foreach (var group in events
            .SelectMany(e => (e.Departments ?? []).Select(department => (department, e)))
            .GroupBy(x => x.department, x => x.e))
        {
            hub.Clients.Group(DepartmentGroup(group.Key)).SendAsync("alerts", group.ToArray()).Ignore();
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

    private async Task FeedLoop(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(FeedRenewal);
        var failing = false;
        try
        {
            while (await timer.WaitForNextTickAsync(stopping))
            {
                try
                {
                    await grains.GetGrain<IAlertFeedGrain>(IAlertFeedGrain.Key).Subscribe(Self);
                    failing = false;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    if (!failing)
                    {
                        logger.LogWarning(e, "Could not renew the wall's alert feed; trying again every {Interval}", FeedRenewal);
                    }
                    failing = true;
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task DayTurnLoop(CancellationToken stopping)
    {
        var day = clock.Today;
        try
        {
            while (true)
            {
                var untilMidnight = clock.UntilNextDay();
                await Task.Delay(untilMidnight < DayCheck ? untilMidnight + TimeSpan.FromMilliseconds(50) : DayCheck, stopping);
                if (clock.Today == day)
                {
                    continue;
                }
                day = clock.Today;
                await PushEveryWatchedStatus();
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task PushEveryWatchedStatus()
    {
        var index = topology.Current;
        foreach (var unit in _watchCounts.Keys)
        {
            try
            {
                if (index.Find(unit) is { } node && await UnitGrains.Of(grains, node).GetStatus(unit) is { } status)
                {
                    StatusChanged(status);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not push the new day's status of {Unit}; its next change will", unit);
            }
        }
    }
}
