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
/// marks the unit dirty and its whole tally goes to the parent and its screens as
/// <see cref="UpdateThrottle"/> says (DESIGN.md principle 2).
/// </summary>
public abstract class UnitGrain(TopologyCatalog topology, HubClock clock) : Grain, IUnitGrain
{
    private IGrainTimer? _flushTimer;
    private IGrainTimer? _nearingTimer;
    private DateTimeOffset? _nearingArmedFor;
    private UpdateThrottle? _throttle;
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

    private Watchers? _watching;

    private UpdateThrottle Throttle => _throttle ??= new UpdateThrottle(ServiceProvider.GetRequiredService<TimeProvider>());

    private Watchers Watching => _watching ??= new Watchers(ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(GetType()));

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await ServiceProvider.GetRequiredService<TopologySync>().EnsureLoaded();
        _flushTimer = this.RegisterGrainTimer(Flush, new GrainTimerCreationOptions(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan));
        await ReconcileAlerts();
        AlertsChanged(urgent: false);
    }

    public Task<VersionedTally> GetTally() => Task.FromResult(new VersionedTally(Tally(Clock.Today), NextVersion()));

    public virtual Task Resync()
    {
        Changed(urgent: false);
        return Task.CompletedTask;
    }

    public async Task<IReadOnlyList<RaiseResult>> RaiseAlerts(IReadOnlyList<AlertReport> reports)
    {
        // Reports that may merge (one device, category and sender) go in turn; the rest at once.
        var results = new RaiseResult[reports.Count];
        await Task.WhenAll(reports
            .Select((report, at) => (report, at))
            .GroupBy(x => x.report.Device is { } device ? (device, x.report.Category, x.report.Sender.Identity) : ($"#{x.at}", "", ""))
            .Select(async group =>
            {
                foreach (var (report, at) in group)
                {
                    results[at] = await Raise(report);
                }
            }));
        var urgent = results.Zip(reports).Any(x => x.First.Outcome == RaiseOutcome.Created && x.Second.Severity == Severity.Critical);
        Book.Prune(Clock.Today);
        await Save();
        AlertsChanged(urgent);
        return results;
    }

    public async Task AlertChanged(AlertEntry entry)
    {
        if (Book.Put(entry))
        {
            await Save();
            AlertsChanged(urgent: false);
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

    /// <summary>Marks the tally changed; the parent hears of it within <see cref="UpdateThrottle.FlushDelay"/>, or now if urgent.</summary>
    protected void Changed(bool urgent) => Do(Throttle.Changed(urgent), urgent);

    /// <summary>Like <see cref="Changed"/>, when the alerts held here changed: their clocks are watched again too.</summary>
    protected void AlertsChanged(bool urgent)
    {
        WatchClocks();
        Changed(urgent);
    }

    private Task Flush()
    {
        Do(Throttle.Due(), urgent: false);
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
            Throttle.Pushed();
        }
        if (next.AskAgainIn is { } delay)
        {
            _flushTimer?.Change(delay, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>
    /// A case reaching 80 % of its stage's limit (临期) or running past its handling limit (超时)
    /// changes the unit's health with no event to say so: a timer for the next such moment among
    /// the cases held here marks the tally changed then.
    /// </summary>
    private void WatchClocks()
    {
        var next = Book.NextClockChange(Clock.Now);
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
        AlertsChanged(urgent: false);
        return Task.CompletedTask;
    }

    /// <returns>Whether any screen was told.</returns>
    private bool PushStatus()
    {
        if (_watching is not { Any: true } watching)
        {
            return false;
        }
        foreach (var code in watching.Units.ToList())
        {
            if (StatusOf(code) is { } status)
            {
                watching.Notify(code, bridge => bridge.StatusChanged(status));
            }
        }
        return true;
    }

    private void ReportToParent(bool urgent)
    {
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
