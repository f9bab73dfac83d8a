using Hub.Grains.Alerts;
using Hub.Grains.Model;
using Hub.Grains.Storage;
using Hub.Grains.Time;
using Hub.Grains.Topology;

namespace Hub.Grains.Units;

/// <summary>
/// The cases a unit holds (its <see cref="AlertBook"/>): raising reports through their alert grains,
/// hearing when one moves on, finding again on activation what the alert grains know, and marking
/// the unit changed when a case reaches 80 % of its stage's limit (临期) or runs past its handling
/// limit (超时) — moments with no event to say so, so a timer waits for the next of them.
/// </summary>
public sealed class HeldAlerts(
    IGrainBase grain,
    string code,
    Func<AlertBook> book,
    StateKeeper state,
    UnitReporting reporting,
    IGrainFactory grains,
    TopologyCatalog topology,
    HubClock clock)
{
    private IGrainTimer? _clockTimer;
    private DateTimeOffset? _clockArmedFor;

    private AlertBook Book => book();

    /// <summary>Records reports on units this grain holds, in order (a later one may merge into an earlier one), and saves once.</summary>
    public async Task<IReadOnlyList<RaiseResult>> RaiseAll(IReadOnlyList<AlertReport> reports)
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
        Book.Prune(clock.Today);
        await state.Save();
        CasesChanged(urgent);
        return results;
    }

    /// <summary>Records one report without saving; the caller saves once for its whole batch.</summary>
    public async Task<RaiseResult> Raise(AlertReport report)
    {
        var id = AlertIds.For(report.Sender, report.Source, report.SourceId);
        var mergeInto = report.Device is { } device ? Book.ActiveFor(device, report.Category, report.Sender.Identity)?.Id : null;
        var path = topology.Current.Find(report.Unit)?.Path ?? [report.Unit];
        var result = await grains.GetGrain<IAlertGrain>(id)
            .Register(report, code, path, mergeInto == id ? null : mergeInto);
        if (result.Entry is { } entry)
        {
            Book.Put(entry);
        }
        return result;
    }

    /// <summary>A case held here moved on (acknowledged, resolved, cleared, ...).</summary>
    public async Task Moved(AlertEntry entry)
    {
        if (Book.Put(entry))
        {
            await state.Save();
            CasesChanged(urgent: false);
        }
    }

    /// <summary>
    /// Asks the alert grains for the cases held here: a notification from one may have been lost
    /// with a crashed silo, and the alert grains are the truth.
    /// </summary>
    public async Task Reconcile()
    {
        var active = Book.Active.Select(e => e.Id).ToList();
        if (active.Count == 0)
        {
            return;
        }
        var entries = await Task.WhenAll(active.Select(id => grains.GetGrain<IAlertGrain>(id).GetEntry()));
        foreach (var entry in entries.OfType<AlertEntry>())
        {
            Book.Put(entry);
        }
    }

    /// <summary>The cases held here changed: the unit is marked changed and their clocks are watched again.</summary>
    public void CasesChanged(bool urgent)
    {
        WatchClocks();
        reporting.Changed(urgent);
    }

    private void WatchClocks()
    {
        var next = Book.NextClockChange(clock.Now);
        if (next == _clockArmedFor)
        {
            return;
        }
        _clockTimer?.Dispose();
        _clockTimer = null;
        _clockArmedFor = next;
        if (next is { } at)
        {
            var due = at - clock.Now;
            _clockTimer = grain.RegisterGrainTimer(ClockReached, new GrainTimerCreationOptions(due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan) { KeepAlive = true });
        }
    }

    private Task ClockReached()
    {
        _clockArmedFor = null;
        CasesChanged(urgent: false);
        return Task.CompletedTask;
    }
}
