using Hub.Grains.Alerts;
using Hub.Grains.Model;
using Hub.Grains.Push;
using Hub.Grains.Rollup;
using Hub.Grains.Storage;
using Hub.Grains.Time;
using Hub.Grains.Topology;
using Microsoft.Extensions.Logging;

namespace Hub.Grains.Units;

/// <summary>
/// A community's, street's, district's or city's grain: its children's latest tallies (soft state),
/// the cases reported on the unit itself (<see cref="HeldAlerts"/>, durable), and the reporting of
/// their sum upward and to screens (<see cref="UnitReporting"/>).
/// </summary>
public sealed class AreaGrain(
    [PersistentState("area", HubStorage.Name)] IPersistentState<AreaState> state,
    TopologyCatalog topology,
    TopologySync sync,
    HubClock clock,
    TimeProvider time,
    ILogger<AreaGrain> logger) : Grain, IAreaGrain, IUnitFigures
{
    /// <summary>
    /// The children's latest tallies and their sum: soft state, asked of the children on activation
    /// and resync, and reshaped whenever this silo's topology has moved on since (a resync may run
    /// before this silo has read the replace that caused it).
    /// </summary>
    private ChildTallies _children = new([], default);

    /// <summary>The topology version <see cref="_children"/> was shaped for; none yet.</summary>
    private long? _shapedFor;

    private UnitReporting? _reporting;
    private HeldAlerts? _alerts;

    // Read once: the key is decoded into a new string on every ask.
    private string Code => _code ??= this.GetPrimaryKeyString();

    private string? _code;

    private UnitNode? Node => topology.Current.Find(Code);

    private AlertBook Book => state.State.Alerts;

    private UnitReporting Reporting => _reporting ??= new(this, Code, this, GrainFactory, topology, clock, time, logger);

    private HeldAlerts Alerts => _alerts ??= new(this, Code, () => Book, new StateKeeper(this, state.WriteStateAsync), Reporting, GrainFactory, topology, clock);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await sync.EnsureLoaded();
        await AskChildren();
        await Alerts.Reconcile();
        Alerts.CasesChanged(urgent: false);
    }

    public async Task Resync()
    {
        await AskChildren();
        Reporting.Changed(urgent: false);
    }

    public Task ReportChild(string child, UnitTally tally, long version, bool urgent)
    {
        if (Children().Offer(child, new VersionedTally(tally, version), clock.Today))
        {
            Reporting.Changed(urgent);
        }
        return Task.CompletedTask;
    }

    public Task<VersionedTally> GetTally() => Task.FromResult(Reporting.Current());

    public Task<UnitStatus?> GetStatus(string code) => Task.FromResult(StatusOf(code));

    public Task Watch(string code, IWallObserver bridge) => Reporting.Watch(code, bridge);

    public Task Unwatch(string code, IWallObserver bridge) => Reporting.Unwatch(code, bridge);

    public Task<IReadOnlyList<RaiseResult>> RaiseAlerts(IReadOnlyList<AlertReport> reports) => Alerts.RaiseAll(reports);

    public Task AlertChanged(AlertEntry entry) => Alerts.Moved(entry);

    public UnitStatus? StatusOf(string code)
    {
        if (code != Code || Node is not { } node)
        {
            return null;
        }
        var today = clock.Today;
        var index = topology.Current;
        var tallies = Children(index);
        var children = node.Children
            .Select(c => StatusComposer.Summarize(index.Find(c)!, tallies.Of(c, today)))
            .ToArray();
        return StatusComposer.Compose(node, Tally(today), children, clock.Now, inZone: clock.InZone);
    }

    public UnitTally Tally(DateOnly today)
    {
        var own = new UnitTally(Book.Count(clock.Now), WorkerCounts.Zero, 0, Book.Day(today), new SourceTimes(null, Book.LastReport()));
        return TallyMath.Plus(Children().Sum(today), own);
    }

    /// <summary>The children's tallies, shaped for the topology this silo holds now.</summary>
    private ChildTallies Children() => Children(topology.Current);

    private ChildTallies Children(TopologyIndex index)
    {
        if (index.Version != _shapedFor)
        {
            _children = _children.Reshaped(index.Find(Code)?.Children ?? [], clock.Today);
            _shapedFor = index.Version;
        }
        return _children;
    }

    private async Task AskChildren()
    {
        // One read of the topology: another silo's replace may land here while this runs.
        var index = topology.Current;
        var asked = Children(index)
            .Codes
            .Select(index.Find)
            .OfType<UnitNode>()
            .Select(async child => (child.Code, Tally: await UnitGrains.Of(GrainFactory, child).GetTally()));
        foreach (var (code, tally) in await Task.WhenAll(asked))
        {
            Children().Offer(code, tally, clock.Today);
        }
    }
}
