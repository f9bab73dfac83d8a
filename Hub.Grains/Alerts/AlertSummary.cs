using Hub.Grains.Model;

namespace Hub.Grains.Alerts;

/// <summary>The current facts of one alert, without its audit trail; what lists and journals hold.</summary>
[GenerateSerializer, Immutable, Alias("hub.alert-summary")]
public sealed record AlertSummary(
    string Id,
    string Source,
    string SourceId,
    string Unit,
    string Owner,
    IReadOnlyList<string> Path,
    string? Device,
    string Category,
    Severity Severity,
    string? Title,
    string? Detail,
    DateTimeOffset At,
    DateTimeOffset LastAt,
    int Occurrences,
    AlertState State,
    bool Cleared,
    string? EscalatedTo,
    string? Assignee,
    string LastBy,
    DateTimeOffset ChangedAt,
    long Version,
    DateTimeOffset? HandleDeadline = null,
    DateTimeOffset? HandledAt = null,
    Sender? ReportedBy = null,
    int Reworks = 0,
    int? Rating = null,
    IReadOnlyList<DepartmentPart>? Parts = null,
    DateTimeOffset? StageSince = null,
    int Supervision = 0,
    int YellowCards = 0,
    int RedCards = 0,
    StageTally? Stages = null)
{
    /// <param name="nearingAt">When the stage the case waits in reaches <see cref="StageClock.NearAt"/> of its limit; null without one.</param>
    public AlertEntry ToEntry(DateOnly day, UnitLevel? escalatedToLevel, DateTimeOffset? nearingAt = null) =>
        new(Id, Unit, Severity, Category, Device, State, day, escalatedToLevel, Version, ReportedBy?.Identity, Supervision, Reworks, Rating, nearingAt, LastAt, HandleDeadline);
}
