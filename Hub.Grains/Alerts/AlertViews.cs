using Hub.Grains.Time;

namespace Hub.Grains.Alerts;

/// <summary>Builds what the API shows of an alert, including its handling clock at this moment.</summary>
public sealed class AlertViews(HubClock clock, Microsoft.Extensions.Options.IOptions<HubOptions> options)
{
    public AlertView From(AlertSummary a, IReadOnlyList<AuditEntry>? audit = null)
    {
        var active = Model.AlertStates.IsActive(a.State);
        DateTimeOffset? deadline = null;
        double? used = null;
        if (active && options.Value.Sla.Handle.For(a.Severity) is { } limit && limit > TimeSpan.Zero)
        {
            deadline = clock.InZone(a.At + limit);
            used = Math.Round(Math.Max(0, (clock.Now - a.At) / limit), 4);
        }
        return new AlertView(
            a.Id, a.Source, a.SourceId, a.Unit, a.Path, a.Device, a.Category, a.Severity, a.Title, a.Detail,
            clock.InZone(a.At), clock.InZone(a.LastAt), a.Occurrences, a.State, active, a.Cleared, a.EscalatedTo,
            a.Assignee, a.LastBy, clock.InZone(a.ChangedAt), deadline, used,
            audit?.Select(e => e with { At = clock.InZone(e.At) }).ToArray());
    }
}
