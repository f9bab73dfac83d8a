using Hub.Grains.Model;

namespace Hub.Grains.Alerts;

/// <summary>
/// One line of an alert's audit trail: who did what, when, from which state to which. A center's
/// report or clear also names the key it came through.
/// </summary>
[GenerateSerializer, Immutable, Alias("hub.audit-entry")]
public sealed record AuditEntry(
    DateTimeOffset At,
    string By,
    AlertEventKind Action,
    AlertState? From,
    AlertState To,
    string? Note,
    string? Assignee = null,
    string? Key = null,
    IReadOnlyList<string>? Departments = null,
    IReadOnlyList<string>? Notify = null);
