using Hub.Grains.Access;
using Hub.Grains.Alerts;
using Hub.Grains.History;
using Hub.Grains.Localization;
using Hub.Grains.Model;
using Hub.Grains.Patrol;
using Hub.Grains.Push;
using Hub.Grains.Rollup;
using Hub.Grains.Storage;
using Hub.Grains.Time;
using Hub.Grains.Topology;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Storage;

namespace Hub.Grains.Units;

/// <summary>
/// A grid's grain: persistence, timers and calls around the grid's rules, each in a class of its
/// own — which check-ins are new and what they count toward (<see cref="PatrolLedger"/>), who is on
/// duty or lost (<see cref="DutyRoster"/>), the cases held (<see cref="HeldAlerts"/>), and when the
/// parent and the screens hear of a change (<see cref="UnitReporting"/>).
/// </summary>
public sealed class GridGrain(
    [FromKeyedServices(HubStorage.Name)] IGrainStorage storage,
    TopologyCatalog topology,
    TopologySync sync,
    HubClock clock,
    TimeProvider time,
    IOptions<HubOptions> options,
    IOptions<PatrolOptions> patrol,
    Geography.MapShapes shapes,
    ILogger<GridGrain> logger) : Grain, IGridGrain, IUnitFigures, IRemindable
{
    private const string LostContactReminder = "lost-contact";

    public const string LostContactSource = Actors.Hub;
    public const string LostContactCategory = "worker-lost-contact";

    private IGrainTimer? _lostContactWatch;
    private bool _reminderSet;

    private DirectState<GridState>? _state;

    /// <summary>Read when the grid activates, before anything else touches it.</summary>
    private DirectState<GridState> Stored => _state ??= new(storage, "grid", this.GetGrainId());

    private GridState Grid => Stored.State;

    private TimeSpan LostContactAfter => TimeSpan.FromMinutes(options.Value.LostContactMinutes);

    // Read once: the key is decoded into a new string on every ask.
    private string Code => _code ??= this.GetPrimaryKeyString();

    private string? _code;

    private UnitNode? Node => topology.Current.Find(Code);

    private AlertBook Book => Grid.Alerts;

    private StateKeeper? _writes;
    private UnitReporting? _reporting;
    private HeldAlerts? _alerts;
    private DutyRoster? _roster;
    private PatrolLedger? _patrol;

    private StateKeeper Writes => _writes ??= new(this, WriteState);

    private UnitReporting Reporting => _reporting ??= new(this, Code, this, GrainFactory, topology, clock, time, logger);

    private HeldAlerts Alerts => _alerts ??= new(this, Code, () => Book, Writes, Reporting, GrainFactory, topology, clock);

    private PatrolLedger Patrol => _patrol ??= new(Grid);

    private DutyRoster Roster => _roster ??= new(Grid.Workers, LostContactAfter);

    private readonly CheckinBlockStore _blocks = new(storage);

    private bool _ledgerRead;

    /// <summary>
    /// Blocks the ledger sealed are stored first, then the state that names them; blocks it forgot
    /// go once a state without them is stored (a failure there leaves a block nobody reads).
    /// </summary>
    private async Task WriteState()
    {
        if (Grid.Seen.Full() is { Count: > 0 } full)
        {
            await _blocks.Write(Code, full);
            Grid.Seen.Seal(full);
        }
        Grid.Seen.Pack();
        await Stored.Write();
        if (Grid.Seen.TakeForgotten() is { Count: > 0 } forgotten)
        {
            try
            {
                await _blocks.Clear(Code, forgotten);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Grid {Grid}: {Count} forgotten check-in blocks could not be removed and stay stored unread", Code, forgotten.Count);
            }
        }
    }

    /// <summary>Reads the sealed blocks the ledger names, once per activation, before it answers whether an id is known.</summary>
    private async Task ReadLedger()
    {
        if (_ledgerRead)
        {
            return;
        }
        if (Grid.Seen.Unread is not { Count: > 0 } unread)
        {
            _ledgerRead = true; // what this copy seals from now on, it holds already
            return;
        }
        var found = await _blocks.Read(Code, unread);
        foreach (var (key, block) in found)
        {
            Grid.Seen.Read(key, block);
        }
        if (found.Count < unread.Count)
        {
            // Never expected (blocks are stored before the state names them); the ids in them cannot be told apart as resends.
            logger.LogError("Grid {Grid}: {Missing} of {Count} check-in blocks its state names are not stored", Code, unread.Count - found.Count, unread.Count);
            foreach (var key in unread.Except(found.Select(f => f.Key)))
            {
                Grid.Seen.Read(key, new CheckinBlock());
            }
        }
        _ledgerRead = true;
    }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await Stored.Read();
        // Ids remembered the earlier way move into the ledger; the next write stores them there.
        foreach (var (id, day) in Grid.SeenCheckins)
        {
            Grid.Seen.Add(id, day);
        }
        Grid.SeenCheckins.Clear();
        await sync.EnsureLoaded();
        await Alerts.Reconcile();
        Alerts.CasesChanged(urgent: false);
        WatchLostContact();
    }

    public Task<VersionedTally> GetTally() => Task.FromResult(Reporting.Current());

    public Task<UnitStatus?> GetStatus(string code) => Task.FromResult(StatusOf(code));

    public Task Watch(string code, IWallObserver bridge) => Reporting.Watch(code, bridge);

    public Task Unwatch(string code, IWallObserver bridge) => Reporting.Unwatch(code, bridge);

    public Task Resync()
    {
        Reporting.Changed(urgent: false);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<RaiseResult>> RaiseAlerts(IReadOnlyList<AlertReport> reports) => Alerts.RaiseAll(reports);

    public Task AlertChanged(AlertEntry entry) => Alerts.Moved(entry);

    public async Task<CheckinResult> ApplyCheckins(IReadOnlyList<CheckinReport> checkins) => (await ApplyCheckinGroups([checkins]))[0];

    public async Task<CheckinResult[]> ApplyCheckinGroups(IReadOnlyList<IReadOnlyList<CheckinReport>> groups)
    {
        if (Node is null)
        {
            // The request was checked against a topology that has this grid; this silo's copy is
            // behind (a replace through another silo, read here every few seconds): read it now.
            await sync.Refresh();
        }
        if (Node is not { } node)
        {
            // Counting nothing would acknowledge check-ins that are not kept: refuse instead.
            throw new StorageUnavailableException($"this silo does not know grid '{Code}' yet (topology version {topology.Current.Version}); try again");
        }
        await Durably.Write(this, ReadLedger);
        var (fresh, results) = Patrol.New(groups);
        if (fresh.Count == 0)
        {
            await Writes.SaveIfBehind();
            Patrol.Confirmed();
            return results;
        }

        // Each resolved once: its row gives the day and target it counts toward. Their history is
        // stored with the state that counts them (IJournaledState).
        var rows = fresh.Select(c => Record(node, c)).ToList();
        Grid.Journal(rows);
        var ended = new List<string>();
        foreach (var (c, row) in fresh.Zip(rows))
        {
            Patrol.Count(c, row.Day, row.Target, IsOffPlace(node, c));
            if (Roster.CheckedIn(c) is { } lostAlert)
            {
                ended.Add(lostAlert);
            }
        }
        Prune();
        await Writes.Save();
        Patrol.Confirmed();
        foreach (var alert in ended)
        {
            await GrainFactory.GetGrain<IAlertGrain>(alert).Clear(Sender.Hub, Jurisdiction.Everything);
        }
        WatchLostContact();
        await KeepReminder();
        Reporting.Changed(urgent: false);
        return results;
    }

    public UnitStatus? StatusOf(string code)
    {
        if (Node is null || topology.Current.Find(code) is not { } unit || (code != Code && unit.Owner != Code))
        {
            return null;
        }
        var today = clock.Today;
        var index = topology.Current;
        var children = unit.Children
            .Select(c => StatusComposer.Summarize(index.Find(c)!, TallyOf(index.Find(c)!, today)))
            .ToArray();
        return StatusComposer.Compose(unit, TallyOf(unit, today), children, clock.Now, InZone(Patrol.LastPatrol(Subtree(unit))), clock.InZone);
    }

    public UnitTally Tally(DateOnly today) => Node is { } grid ? TallyOf(grid, today) : UnitTally.Empty(today);

    /// <summary>
    /// The figures of a unit this grid holds — the grid, a micro-grid or a building — over its part
    /// of the grid: its alerts, its workers (a grid's all, a micro-grid's those who look after it, a
    /// building none), its patrol targets and today's check-ins and patrols there.
    /// </summary>
    private UnitTally TallyOf(UnitNode unit, DateOnly today)
    {
        var units = Subtree(unit);
        var workers = unit.Level == UnitLevel.Building ? [] : topology.Current.WorkersOf(unit.Code);
        var (onDuty, lost) = Roster.Count(workers);
        var (daily, week, month) = PatrolRule.AsOf(topology.Current.TargetsUnder(unit.Code, patrol.Value.DefaultPlan), today, Patrol.VisitsTo);
        bool Inside(AlertEntry e) => units.Contains(e.Unit);
        return new UnitTally(
            unit.Code == Code ? Book.Count(clock.Now) : Book.Count(clock.Now, Inside),
            new WorkerCounts(workers.Count, onDuty, lost),
            daily.Targets,
            (unit.Code == Code ? Book.Day(today) : Book.Day(today, Inside)) with
            {
                Checkins = Patrol.CheckinsOn(today, units),
                OffPlacePatrols = Patrol.OffPlaceOn(today, units),
                Patrolled = daily.Done,
                PatrolPlanned = daily.Planned,
                Week = week,
                Month = month,
            },
            new SourceTimes(Patrol.LastCheckin(units), unit.Code == Code ? Book.LastReport() : Book.LastReport(Inside)));
    }

    /// <summary>The unit and everything under it, within this grid.</summary>
    private HashSet<string> Subtree(UnitNode unit)
    {
        var index = topology.Current;
        var found = new HashSet<string>(StringComparer.Ordinal) { unit.Code };
        var next = new Stack<string>(unit.Children);
        while (next.TryPop(out var code))
        {
            if (found.Add(code) && index.Find(code) is { } child)
            {
                foreach (var grandchild in child.Children)
                {
                    next.Push(grandchild);
                }
            }
        }
        return found;
    }

    /// <summary>
    /// Whether a patrol's position lies off its place: the unit's geometry, else the nearest above it
    /// within the grid (a building drawn without a point is judged by its micro-grid's or its grid's outline).
    /// </summary>
    private bool IsOffPlace(UnitNode grid, CheckinReport c)
    {
        if (c.Kind != CheckinKind.Patrol || c.Lat is null)
        {
            return false;
        }
        var index = topology.Current;
        for (var unit = index.Find(c.Unit); unit is not null; unit = unit.Code == grid.Code ? null : index.Find(unit.Parent!))
        {
            if (shapes.ShapeOf(index, unit.Code) is { } place)
            {
                return Geography.PatrolPlace.IsOff(Geography.PatrolPlace.Distance(place, c.Lat, c.Lon));
            }
        }
        return false;
    }

    /// <summary>
    /// The history row of a check-in: the day it counts toward, the patrol target it covers (a leaf
    /// of the grid; a patrol at a unit with units below it covers none, API.md §6), and its worker and
    /// unit named with the topology's own strings rather than the request's, since history keeps
    /// every row (memory storage in this process).
    /// </summary>
    private CheckinRecord Record(UnitNode grid, CheckinReport c)
    {
        var index = topology.Current;
        var unit = index.Find(c.Unit);
        var code = unit?.Code ?? c.Unit;
        var target = c.Kind == CheckinKind.Patrol && unit is { Children.Count: 0 } ? code : null;
        return new(Code, c.Id, index.Worker(c.Worker)?.Id ?? c.Worker, code, unit?.Path ?? grid.Path, c.Kind, c.At, clock.DayOf(c.At), target);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        _reminderSet = true;
        await CheckLostContact();
        WatchLostContact();
        await KeepReminder();
    }

    private bool AnyOnDuty => Roster.AnyOnDuty;

    // Keeps the grid active while anyone is on duty: nobody else would notice a silent worker.
    private void WatchLostContact()
    {
        var anyOnDuty = AnyOnDuty;
        if (anyOnDuty && _lostContactWatch is null)
        {
            var period = LostContactClock.TimerPeriod(LostContactAfter);
            _lostContactWatch = this.RegisterGrainTimer(CheckLostContact, new GrainTimerCreationOptions(period, period) { KeepAlive = true });
        }
        else if (!anyOnDuty && _lostContactWatch is not null)
        {
            _lostContactWatch.Dispose();
            _lostContactWatch = null;
        }
    }

    /// <summary>
    /// The durable half of the watch: a reminder while anyone is on duty, none otherwise. One write
    /// per change of that, not per check-in; a failure is tried again at the next timer tick.
    /// </summary>
    private async Task KeepReminder()
    {
        var anyOnDuty = AnyOnDuty;
        if (anyOnDuty == _reminderSet)
        {
            return;
        }
        try
        {
            if (anyOnDuty)
            {
                var period = LostContactClock.ReminderPeriod(LostContactAfter);
                await this.RegisterOrUpdateReminder(LostContactReminder, period, period);
            }
            else if (await this.GetReminder(LostContactReminder) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }
            _reminderSet = anyOnDuty;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Grid {Grid}: the lost-contact reminder could not be {Action}; trying again shortly", Code, anyOnDuty ? "set" : "removed");
        }
    }

    private async Task CheckLostContact()
    {
        await KeepReminder();
        var now = clock.Now;
        var lost = Roster.NewlyLost(topology.Current.WorkersOf(Code), now);
        foreach (var (worker, lastAt) in lost)
        {
            var report = new AlertReport(
                LostContactSource,
                $"lost-contact/{worker.Id}/{lastAt.UtcTicks}",
                Code,
                Device: null,
                LostContactCategory,
                Severity.Major,
                now,
                UserText.LostContactTitle(worker.Name),
                UserText.LostContactDetail(options.Value.LostContactMinutes, InZone(lastAt)!.Value),
                Sender.Hub);
            Roster.Lost(worker.Id, (await Alerts.Raise(report)).AlertId);
        }
        if (lost.Count > 0)
        {
            await Writes.Save();
            Alerts.CasesChanged(urgent: false);
        }
    }

    /// <summary>What ages out of the patrol record at every batch, and cases once a day.</summary>
    private void Prune()
    {
        var today = clock.Today;
        Patrol.Prune(today);
        if (_prunedOn != today)
        {
            Book.Prune(today);
            _prunedOn = today;
        }
    }

    private DateOnly _prunedOn;

    private DateTimeOffset? InZone(DateTimeOffset? at) => at is { } t ? clock.InZone(t) : null;
}
