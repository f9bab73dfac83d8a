using System.Diagnostics.Metrics;
using Hub.Grains.Model;

namespace Hub.Grains.Telemetry;

/// <summary>
/// The hub's own meter (<see cref="MeterName"/>): what operators watch besides the framework's series.
/// Exported as <c>hub_…</c> (docs/operations.md lists each series and what to do when it moves).
/// </summary>
public sealed class HubMetrics
{
    public const string MeterName = "Hub";

    private readonly Counter<long> _checkinsAccepted;
    private readonly Counter<long> _checkinsDuplicate;
    private readonly Counter<long> _alertsAccepted;
    private readonly Counter<long> _batchesRefused;
    private readonly Counter<long> _escalations;
    private readonly Counter<long> _supervisions;
    private readonly Histogram<double> _pushLatency;
    private readonly UpDownCounter<long> _screens;
    private readonly Histogram<long> _commitRows;
    private readonly Histogram<double> _commitDuration;
    private AlertCounts _activeAlerts = AlertCounts.Zero;

    public HubMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _checkinsAccepted = meter.CreateCounter<long>("hub.checkins.accepted", "{checkin}", "Check-ins accepted and counted (new ids).");
        _checkinsDuplicate = meter.CreateCounter<long>("hub.checkins.duplicate", "{checkin}", "Check-ins accepted as resends of ids already counted.");
        _alertsAccepted = meter.CreateCounter<long>("hub.alerts.accepted", "{alert}", "Alert reports accepted, by severity and outcome (raised, merged, duplicate).");
        _batchesRefused = meter.CreateCounter<long>("hub.batches.refused", "{batch}", "Check-in and alert batches refused, by kind and reason.");
        _escalations = meter.CreateCounter<long>("hub.escalations", "{escalation}", "Unacknowledged alerts escalated one level up (逐级上报).");
        _supervisions = meter.CreateCounter<long>("hub.supervisions", "{supervision}", "Cases supervised for a stage past its limit (督办).");
        _pushLatency = meter.CreateHistogram("hub.push.latency", "s", "From a unit's status or an alert changing to its push leaving this silo.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10] });
        _screens = meter.CreateUpDownCounter<long>("hub.screens.connected", "{connection}", "Wall and phone screens connected to this silo.");
        _commitRows = meter.CreateHistogram<long>("hub.commit.rows", "{row}", "Rows written by one group commit to PostgreSQL, by store.",
            advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = [1, 10, 50, 100, 500, 1_000, 5_000, 20_000] });
        _commitDuration = meter.CreateHistogram("hub.commit.duration", "s", "Time of one group commit to PostgreSQL, by store.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5] });
        meter.CreateObservableGauge("hub.alerts.active", ObserveActiveAlerts, "{alert}",
            "Active alerts of the whole topology, by severity (the same figure on every silo: take the max).");
    }

    public void CheckinsAccepted(int counted, int duplicates)
    {
        _checkinsAccepted.Add(counted);
        _checkinsDuplicate.Add(duplicates);
    }

    public void AlertAccepted(Severity severity, string outcome) =>
        _alertsAccepted.Add(1, new("severity", WireName.Of(severity)), new("outcome", outcome));

    /// <param name="kind"><c>checkins</c> or <c>alerts</c>.</param>
    /// <param name="reason">malformed, too_large, forbidden, invalid, busy, unavailable.</param>
    public void BatchRefused(string kind, string reason) =>
        _batchesRefused.Add(1, new("kind", kind), new("reason", reason));

    public void Escalated(UnitLevel to) => _escalations.Add(1, new KeyValuePair<string, object?>("level", WireName.Of(to)));

    public void Supervised(int level) => _supervisions.Add(1, new KeyValuePair<string, object?>("level", level));

    /// <param name="kind"><c>status</c> or <c>alerts</c>.</param>
    public void Pushed(string kind, TimeSpan latency) =>
        _pushLatency.Record(Math.Max(0, latency.TotalSeconds), new KeyValuePair<string, object?>("kind", kind));

    public void ScreenConnected() => _screens.Add(1);

    public void ScreenDisconnected() => _screens.Add(-1);

    /// <param name="store"><c>state</c> or <c>alerts</c>.</param>
    public void Committed(string store, int rows, TimeSpan took)
    {
        var tag = new KeyValuePair<string, object?>("store", store);
        _commitRows.Record(rows, tag);
        _commitDuration.Record(took.TotalSeconds, tag);
    }

    /// <summary>The latest tally of the topology's top units (read now and then: a gauge's callback cannot call grains).</summary>
    public void ActiveAlerts(AlertCounts counts) => _activeAlerts = counts;

    private IEnumerable<Measurement<long>> ObserveActiveAlerts()
    {
        var counts = _activeAlerts;
        yield return new(counts.Critical, new KeyValuePair<string, object?>("severity", "critical"));
        yield return new(counts.Major, new KeyValuePair<string, object?>("severity", "major"));
        yield return new(counts.Minor, new KeyValuePair<string, object?>("severity", "minor"));
        yield return new(counts.Warning, new KeyValuePair<string, object?>("severity", "warning"));
    }
}
