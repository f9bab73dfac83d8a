using Hub.Grains.Push;
using Hub.Grains.Time;
using Hub.Grains.Topology;
using Microsoft.Extensions.Logging;

namespace Hub.Grains.Units;

/// <summary>
/// How a unit's changes travel (DESIGN.md principle 2): a change marks the unit changed, and its
/// whole tally goes to the parent and its status to the screens watching it when
/// <see cref="UpdateThrottle"/> says. Tallies carry a version that only grows, so that a parent
/// keeps the newest of reports that cross.
/// </summary>
public sealed class UnitReporting(
    IGrainBase grain,
    string code,
    IUnitFigures figures,
    IGrainFactory grains,
    TopologyCatalog topology,
    HubClock clock,
    TimeProvider time,
    ILogger logger)
{
    private readonly UpdateThrottle _throttle = new(time);
    private IGrainTimer? _flushTimer;
    private Watchers? _watching;
    private long _version;

    /// <summary>The tally now, stamped with a new version.</summary>
    public VersionedTally Current() => new(figures.Tally(clock.Today), NextVersion());

    /// <summary>A screen's bridge watches <paramref name="unit"/>, if this grain holds it.</summary>
    public Task Watch(string unit, IWallObserver bridge)
    {
        if (figures.StatusOf(unit) is not null)
        {
            (_watching ??= new Watchers(logger)).Add(unit, bridge);
        }
        return Task.CompletedTask;
    }

    public Task Unwatch(string unit, IWallObserver bridge)
    {
        _watching?.Remove(unit, bridge);
        return Task.CompletedTask;
    }

    /// <summary>The tally changed; the parent hears of it within <see cref="UpdateThrottle.FlushDelay"/>, or now if urgent.</summary>
    public void Changed(bool urgent) => Do(_throttle.Changed(urgent), urgent);

    private Task Flush()
    {
        Do(_throttle.Due(), urgent: false);
        return Task.CompletedTask;
    }

    private void Do(UpdateThrottle.Advice next, bool urgent)
    {
        if (next.Report)
        {
            ReportToParent(urgent);
        }
        if (next.Push && PushStatus())
        {
            _throttle.Pushed();
        }
        if (next.AskAgainIn is { } delay)
        {
            _flushTimer ??= grain.RegisterGrainTimer(Flush, new GrainTimerCreationOptions(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan));
            _flushTimer.Change(delay, Timeout.InfiniteTimeSpan);
        }
    }

    /// <returns>Whether any screen was told.</returns>
    private bool PushStatus()
    {
        if (_watching is not { Any: true } watching)
        {
            return false;
        }
        foreach (var unit in watching.Units.ToList())
        {
            if (figures.StatusOf(unit) is { } status)
            {
                watching.Notify(unit, bridge => bridge.StatusChanged(status));
            }
        }
        return true;
    }

    private void ReportToParent(bool urgent)
    {
        if (topology.Current.Find(code)?.Parent is { } parent)
        {
            grains.GetGrain<IAreaGrain>(parent).ReportChild(code, figures.Tally(clock.Today), NextVersion(), urgent).Ignore();
        }
    }

    // Versions only need to grow across activations of this grain; the wall clock does that.
    private long NextVersion() => _version = Math.Max(_version + 1, DateTime.UtcNow.Ticks);
}
