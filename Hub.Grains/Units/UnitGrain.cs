using Hub.Grains.Alerts;
using Hub.Grains.Model;
using Hub.Grains.Push;
using Hub.Grains.Storage;
using Hub.Grains.Time;
using Hub.Grains.Topology;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hub.Grains.Units;

/// <summary>
/// What grids and areas share: the alerts a unit holds, and coalesced reporting upward — a change
/// marks the unit dirty and its whole tally goes to the parent at most every
/// <see cref="FlushDelay"/> (DESIGN.md principle 2), or at once for a critical raise.
/// </summary>
public abstract class UnitGrain(TopologyCatalog topology, HubClock clock) : Grain, IUnitGrain
{
    /// <summary>Four hops of this from a grid to the city stay well inside the 2 s of API.md §6.</summary>
    public static readonly TimeSpan FlushDelay = TimeSpan.FromMilliseconds(250);

    private IGrainTimer? _flushTimer;
    private IGrainTimer? _nearingTimer;
    private DateTimeOffset? _nearingArmedFor;
    private bool _flushPending;
    private long _version;

    protected TopologyCatalog Topology { get; } = topology;

    protected HubClock Clock { get; } = clock;

    protected string Code => this.GetPrimaryKeyString();

    protected UnitNode? Node => Topology.Current.Find(Code);

    protected abstract AlertBook Book { get; }

    /// <summary>Writes the grain's state; after a failure <see cref="SaveIfBehind"/> tries again.</summary>
    protected abstract Task WriteState();

    /// <summary>True while memory holds changes that storage has not taken.</summary>
    private bool _behind;

    protected async Task Save()
    {
        _behind = true;
        await Durably.Write(this, WriteState);
        _behind = false;
    }

    /// <summary>
    /// A change whose write failed stays in memory (it may be acknowledged only once stored); a
    /// retry that finds nothing new must still store it before answering.
    /// </summary>
    protected Task SaveIfBehind() => _behind ? Save() : Task.CompletedTask;

    /// <summary>The tally of this unit's whole subtree, with <paramref name="today"/>'s figures.</summary>
    protected abstract UnitTally Tally(DateOnly today);

    /// <summary>The status of this unit, or of one of the units it holds; null for any other code.</summary>
    protected abstract UnitStatus? StatusOf(string code);

    public Task<UnitStatus?> GetStatus(string code) => Task.FromResult(StatusOf(code));

    public Task Watch(string code, IWallObserver bridge)
    {
        if (StatusOf(code) is not null)
        {
            Watching.Add(code, bridge);
        }
        return Task.CompletedTask;
    }

    public Task Unwatch(string code, IWallObserver bridge)
    {
        Watching.Remove(code, bridge);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Pushes to screens are spaced at least this far apart. API.md §7 allows 4 a second; the extra
    /// 50 ms is a margin for delivery, so that jitter on the way to a screen cannot bunch a fifth
    /// push into one second as the screen sees it.
    /// </summary>
    public static readonly TimeSpan PushSpacing = TimeSpan.FromMilliseconds(300);

    private Watchers? _watching;
    private DateTime _lastPush;
    private bool _reportOwed;

    private Watchers Watching => _watching ??= new Watchers(ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(GetType()));

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _flushTimer = this.RegisterGrainTimer(Flush, new GrainTimerCreationOptions(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan));
        await ReconcileAlerts();
        Changed(urgent: false);
    }

    public Task<VersionedTally> GetTally() => Task.FromResult(new VersionedTally(Tally(Clock.Today), NextVersion()));

    public virtual Task Resync()
    {
        Changed(urgent: false);
        return Task.CompletedTask;
    }

    public async Task<IReadOnlyList<RaiseResult>> RaiseAlerts(IReadOnlyList<AlertReport> reports)
    {
        var results = new List<RaiseResult>(reports.Count);
        var urgent = false;
        foreach (var report in reports)
        {
            var result = await Raise(report);
            urgent |= result.Outcome == RaiseOutcome.Created && report.Severity == Severity.Critical;
            results.Add(result);
        }
        Book.Prune(Clock.Today);
        await Save();
        Changed(urgent);
        return results;
    }

    public async Task AlertChanged(AlertEntry entry)
    {
        if (Book.Put(entry))
        {
            await Save();
            Changed(urgent: false);
        }
    }

    /// <summary>Records one report without saving; the caller saves once for its whole batch.</summary>
    protected async Task<RaiseResult> Raise(AlertReport report)
    {
        var id = AlertIds.For(report.Sender, report.Source, report.SourceId);
        var mergeInto = report.Device is { } device ? Book.ActiveFor(device, report.Category, report.Sender.Identity)?.Id : null;
        var path = Topology.Current.Find(report.Unit)?.Path ?? [report.Unit];
        var result = await GrainFactory.GetGrain<IAlertGrain>(id)
            .Register(report, Code, path, mergeInto == id ? null : mergeInto);
        if (result.Entry is { } entry)
        {
            Book.Put(entry);
        }
        return result;
    }

    /// <summary>Marks the tally changed; the parent hears of it within <see cref="FlushDelay"/>, or now if urgent.</summary>
    protected void Changed(bool urgent)
    {
        WatchNearing();
        if (urgent)
        {
            // A critical raise goes up at once; screens get it at once too, unless they just had a push.
            ReportToParent(urgent: true);
            var wait = PushSpacing - (DateTime.UtcNow - _lastPush);
            if (wait <= TimeSpan.Zero)
            {
                PushStatus();
            }
            else
            {
                Schedule(wait);
            }
        }
        else
        {
            _reportOwed = true;
            Schedule(FlushDelay);
        }
    }

    /// <summary>
    /// A case reaching 80 % of its limit (临期) turns the unit orange with no event to say so: a timer
    /// for the next such moment among the cases held here marks the tally changed then.
    /// </summary>
    private void WatchNearing()
    {
        var next = Book.NextNearing(Clock.Now);
        if (next == _nearingArmedFor)
        {
            return;
        }
        _nearingTimer?.Dispose();
        _nearingTimer = null;
        _nearingArmedFor = next;
        if (next is { } at)
        {
            var due = at - Clock.Now;
            _nearingTimer = this.RegisterGrainTimer(NearingReached, new GrainTimerCreationOptions(due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan) { KeepAlive = true });
        }
    }

    private Task NearingReached()
    {
        _nearingArmedFor = null;
        Changed(urgent: false);
        return Task.CompletedTask;
    }

    private void Schedule(TimeSpan delay)
    {
        if (!_flushPending)
        {
            _flushPending = true;
            _flushTimer?.Change(delay, Timeout.InfiniteTimeSpan);
        }
    }

    private Task Flush()
    {
        _flushPending = false;
        if (_reportOwed)
        {
            ReportToParent(urgent: false);
        }
        var wait = PushSpacing - (DateTime.UtcNow - _lastPush);
        if (wait > TimeSpan.Zero)
        {
            Schedule(wait); // the parent has heard; the screens hear when their spacing allows
        }
        else
        {
            PushStatus();
        }
        return Task.CompletedTask;
    }

    private void PushStatus()
    {
        if (_watching is not { Any: true } watching)
        {
            return;
        }
        _lastPush = DateTime.UtcNow;
        foreach (var code in watching.Units.ToList())
        {
            if (StatusOf(code) is { } status)
            {
                watching.Notify(code, bridge => bridge.StatusChanged(status));
            }
        }
    }

    private void ReportToParent(bool urgent)
    {
        _reportOwed = false;
        if (Node?.Parent is { } parent)
        {
            GrainFactory.GetGrain<IAreaGrain>(parent).ReportChild(Code, Tally(Clock.Today), NextVersion(), urgent).Ignore();
        }
    }

    // Versions only need to grow across activations of this grain; the wall clock does that.
    private long NextVersion() => _version = Math.Max(_version + 1, DateTime.UtcNow.Ticks);

    // A notification from an alert may have been lost with a crashed silo; the alert grains are the truth.
    private async Task ReconcileAlerts()
    {
        var active = Book.Active.Select(e => e.Id).ToList();
        if (active.Count == 0)
        {
            return;
        }
        var entries = await Task.WhenAll(active.Select(id => GrainFactory.GetGrain<IAlertGrain>(id).GetEntry()));
        foreach (var entry in entries.OfType<AlertEntry>())
        {
            Book.Put(entry);
        }
    }
}
