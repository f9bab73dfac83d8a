namespace Hub.Grains.Alerts;

/// <summary>What a duty officer does to an alert (API.md §5).</summary>
public enum AlertAction
{
    Acknowledge,
    Dispatch,
    Resolve,
    Close,
}

/// <summary>
/// A duty officer's action with its author and words, and the scope the author acts in: an alert
/// outside it answers as unknown, so the check and the action are one call.
/// </summary>
[GenerateSerializer, Immutable, Alias("hub.alert-command")]
public sealed record AlertCommand(AlertAction Action, string Actor, string? Note, string? Assignee = null, string Scope = Access.Jurisdiction.Everything);
