using Hub.Grains.Alerts;
using Hub.Grains.Geography;
using Hub.Grains.Ingest;
using Hub.Grains.Model;
using Hub.Grains.Time;
using Hub.Grains.Topology;

namespace Hub.Silo.Demo;

/// <summary>
/// A simulated city for the demo: shifts that began this morning, patrols, alerts of every kind
/// arriving (some repeated, some resent), and duty officers working through them — so the API and
/// the wall screen show a living city seconds after start. It goes through the same ingest and
/// alert grains as real traffic.
/// </summary>
public sealed class DemoFeed(
    TopologyCatalog topology,
    IngestDispatcher ingest,
    IGrainFactory grains,
    HubClock clock,
    MapShapes shapes,
    ILogger<DemoFeed> logger) : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    private readonly Random _random = new();
    private readonly List<Tracked> _alerts = [];
    private int _sequence;

    private sealed record Tracked(string Id, Severity Severity, DateTimeOffset RaisedAt, AlertReport Report)
    {
        public AlertState State { get; set; } = AlertState.Raised;
        public DateTimeOffset ChangedAt { get; set; } = RaisedAt;

        /// <summary>The summoned departments' parts, for a whistled case (吹哨报到).</summary>
        public IReadOnlyList<DepartmentPart> Parts { get; set; } = [];
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await StartShifts();
            await RaiseBacklog();
            using var timer = new PeriodicTimer(Tick);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await Step();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        catch (Exception e)
        {
            logger.LogError(e, "The demo feed stopped");
        }
    }

    /// <summary>Most workers started their shift earlier and have patrolled since; two have gone quiet.</summary>
    private async Task StartShifts()
    {
        var index = topology.Current;
        var now = clock.Now;
        var checkins = new List<CheckinReport>();
        var workers = index.Document.Workers;
        for (var i = 0; i < workers.Count; i++)
        {
            var w = workers[i];
            var grid = index.Find(w.Grid)!;
            if (_random.Next(100) >= 85)
            {
                continue;
            }
            var start = now.AddMinutes(-_random.Next(40, 240));
            checkins.Add(Checkin(w, w.Grid, CheckinKind.Start, start));
            // Two workers went quiet early in their shift: the hub reports them lost contact.
            var quiet = i is 7 or 42;
            var until = quiet ? start.AddMinutes(5) : now.AddMinutes(-15);
            for (var at = start.AddMinutes(_random.Next(5, 20)); at < until; at = at.AddMinutes(_random.Next(8, 25)))
            {
                checkins.Add(Checkin(w, PatrolTarget(grid), CheckinKind.Patrol, at));
            }
            if (!quiet)
            {
                checkins.Add(Checkin(w, PatrolTarget(grid), CheckinKind.Patrol, now.AddMinutes(-_random.Next(1, 15))));
            }
        }
        foreach (var batch in checkins.Chunk(IngestLimits.MaxCheckins))
        {
            await ingest.ApplyCheckins(batch);
        }
        logger.LogInformation("Demo feed: {Count} check-ins of shifts already under way", checkins.Count);
    }

    /// <summary>Alerts from the past few hours, most already handled, some still open.</summary>
    private async Task RaiseBacklog()
    {
        var now = clock.Now;
        foreach (var severity in Enum.GetValues<Severity>())
        {
            await RaiseNew(now.AddMinutes(-_random.Next(5, 240)), severity);
        }
        for (var i = 0; i < 36; i++)
        {
            await RaiseNew(now.AddMinutes(-_random.Next(5, 240)));
        }
        foreach (var alert in _alerts.Where(a => _random.Next(100) < 75).ToList())
        {
            if (_random.Next(100) < 5)
            {
                await Act(alert, AlertAction.Reject, "误报，不予立案");
                continue;
            }
            await Act(alert, AlertAction.Acknowledge, null);
            if (_random.Next(100) < 70)
            {
                await Act(alert, AlertAction.Resolve, Pick(DemoIncidents.Resolutions));
                if (_random.Next(100) < 60)
                {
                    await Act(alert, AlertAction.Verify, "现场核查通过", passed: true);
                    await Act(alert, AlertAction.Close, "结案");
                    await Act(alert, AlertAction.Rate, null, score: 3 + _random.Next(3));
                }
            }
        }
    }

    private async Task Step()
    {
        var index = topology.Current;
        var now = clock.Now;

        var patrols = index.Document.Workers
            .Where(_ => _random.Next(240) == 0)
            .Select(w => Checkin(w, PatrolTarget(index.Find(w.Grid)!), CheckinKind.Patrol, now))
            .ToArray();
        if (patrols.Length > 0)
        {
            await ingest.ApplyCheckins(patrols);
        }

        if (_random.Next(8) == 0)
        {
            await RaiseNew(now);
        }
        else if (_random.Next(40) == 0 && _alerts.LastOrDefault(a => a.State.IsActive()) is { } repeated)
        {
            // The same device sees the same thing again: merged into the open alert.
            await ingest.RaiseAlerts([repeated.Report with { SourceId = NextSourceId(), At = now }]);
        }

        foreach (var alert in _alerts.Where(a => a.State.IsActive() || a.State is AlertState.Resolved or AlertState.Verified).ToList())
        {
            await Handle(alert, now);
        }
        _alerts.RemoveAll(a => a.State is AlertState.Closed or AlertState.Rejected);
    }

    // Officers acknowledge critical alerts fast and leave some warnings waiting, as real ones do.
    private async Task Handle(Tracked alert, DateTimeOffset now)
    {
        var waited = now - alert.ChangedAt;
        switch (alert.State)
        {
            case AlertState.Raised when waited > AckDelay(alert.Severity) && _random.Next(20) == 0:
                await Act(alert, AlertAction.Acknowledge, "收到，正在核实");
                break;
            case AlertState.Acknowledged when waited > TimeSpan.FromSeconds(30) && _random.Next(30) == 0:
                // A third of the cases need the street's departments (吹哨); the rest go to the grid worker.
                if (_random.Next(3) == 0 && DepartmentsFor(alert) is { Length: > 0 } departments)
                {
                    await Act(alert, AlertAction.Dispatch, "街道吹哨，请相关部门报到", departments: departments);
                }
                else
                {
                    await Act(alert, AlertAction.Dispatch, "请网格员到场", assignee: "网格员");
                }
                break;
            case AlertState.Dispatched when alert.Parts.Count > 0:
                await WorkParts(alert, now);
                break;
            case AlertState.Acknowledged or AlertState.Dispatched when waited > TimeSpan.FromSeconds(90) && _random.Next(40) == 0:
                await Act(alert, AlertAction.Resolve, Pick(DemoIncidents.Resolutions));
                break;
            // 核查 on site: most fixes pass, some go back for rework.
            case AlertState.Resolved when waited > TimeSpan.FromSeconds(60) && _random.Next(30) == 0:
                var passed = _random.Next(100) < 85;
                await Act(alert, AlertAction.Verify, passed ? "现场核查通过" : "现场核查未通过，返工", passed: passed);
                break;
            case AlertState.Verified when waited > TimeSpan.FromSeconds(30) && _random.Next(30) == 0:
                await Act(alert, AlertAction.Close, "结案");
                await Act(alert, AlertAction.Rate, null, score: 3 + _random.Next(3));
                break;
        }
    }

    private static TimeSpan AckDelay(Severity severity) => severity switch
    {
        Severity.Critical => TimeSpan.FromSeconds(10),
        Severity.Major => TimeSpan.FromSeconds(40),
        Severity.Minor => TimeSpan.FromMinutes(2),
        _ => TimeSpan.FromMinutes(5),
    };

    /// <param name="severity">A severity to raise; any when null.</param>
    private async Task RaiseNew(DateTimeOffset at, Severity? severity = null)
    {
        var devices = topology.Current.Document.Devices
            .Where(d => severity is not { } s || DemoIncidents.For(d.Kind).Any(i => i.Severities.Contains(s)))
            .ToArray();
        var device = Pick(devices);
        var incident = Pick(DemoIncidents.For(device.Kind).Where(i => severity is not { } s || i.Severities.Contains(s)).ToArray());
        var chosen = severity ?? incident.Severities[_random.Next(incident.Severities.Length)];
        var center = device.Center ?? "ZZ-DEMO";
        var report = new AlertReport(
            center, NextSourceId(), device.Unit, device.Id, incident.Category, chosen, at,
            incident.Title, Pick(incident.Details), Sender.Center(center, "demo"));
        var result = (await ingest.RaiseAlerts([report]))[0];
        if (result.Outcome == RaiseOutcome.Created)
        {
            _alerts.Add(new Tracked(result.AlertId, chosen, at, report));
        }
    }

    /// <summary>Summoned departments report in within a minute or so, and finish their part a while later.</summary>
    private async Task WorkParts(Tracked alert, DateTimeOffset now)
    {
        foreach (var part in alert.Parts)
        {
            if (part.State == PartState.Waiting && now - part.SummonedAt > TimeSpan.FromSeconds(20) && _random.Next(15) == 0)
            {
                await Act(alert, AlertAction.ReportIn, "已到场", department: part.Department);
                return;
            }
            if (part.State == PartState.Reported && now - part.ReportedAt > TimeSpan.FromSeconds(60) && _random.Next(20) == 0)
            {
                await Act(alert, AlertAction.Resolve, Pick(DemoIncidents.Resolutions), department: part.Department);
                return;
            }
        }
    }

    /// <summary>The police station and market regulation of the street the case lies in.</summary>
    private string[] DepartmentsFor(Tracked alert)
    {
        var index = topology.Current;
        var path = index.Find(alert.Report.Unit)?.Path ?? [];
        return index.Document.DepartmentList
            .Where(d => path.Contains(d.Unit, StringComparer.Ordinal) && (d.Code.EndsWith("-PS", StringComparison.Ordinal) || d.Code.EndsWith("-MR", StringComparison.Ordinal)))
            .Select(d => d.Code)
            .ToArray();
    }

    private async Task Act(
        Tracked alert, AlertAction action, string? note, string? assignee = null, bool? passed = null, int? score = null,
        IReadOnlyList<string>? departments = null, string? department = null)
    {
        var result = await grains.GetGrain<IAlertGrain>(alert.Id).Act(
            new AlertCommand(action, Pick(DemoIncidents.Officers), note, assignee, Passed: passed, Score: score, Departments: departments, Department: department));
        if (result.Alert is { } now)
        {
            alert.State = now.State;
            alert.ChangedAt = clock.Now;
            alert.Parts = now.Parts ?? [];
        }
    }

    private string PatrolTarget(UnitNode grid) =>
        grid.Children.Count == 0 ? grid.Code : grid.Children[_random.Next(grid.Children.Count)];

    /// <summary>A patrol carries the phone's position: within 60 m of its place, and about one in thirty from 300 to 600 m away.</summary>
    private CheckinReport Checkin(WorkerSpec worker, string unit, CheckinKind kind, DateTimeOffset at)
    {
        var place = kind == CheckinKind.Patrol ? shapes.PointOf(topology.Current, unit) : null;
        if (place is null)
        {
            return new($"demo-{Guid.NewGuid():N}", worker.Id, unit, kind, at, null, null);
        }
        var metres = _random.Next(30) == 0 ? 300 + _random.Next(300) : _random.Next(60);
        var bearing = _random.NextDouble() * 2 * Math.PI;
        var lat = place.Y + (metres * Math.Cos(bearing) / PatrolPlace.MetresPerDegree);
        var lon = place.X + (metres * Math.Sin(bearing) / (PatrolPlace.MetresPerDegree * Math.Cos(place.Y * Math.PI / 180)));
        return new($"demo-{Guid.NewGuid():N}", worker.Id, unit, kind, at, Math.Round(lat, 6), Math.Round(lon, 6));
    }

    private string NextSourceId() => $"demo-{Environment.ProcessId}-{++_sequence}";

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
