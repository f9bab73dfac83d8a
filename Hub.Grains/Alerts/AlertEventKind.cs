namespace Hub.Grains.Alerts;

/// <summary>What happened to an alert (API.md §7 <c>AlertEvent.kind</c>).</summary>
public enum AlertEventKind
{
    Raised,
    Merged,
    Acknowledged,
    Dispatched,
    Resolved,
    Closed,
    Cleared,
    Escalated,
}
