using Hub.Grains.Model;

namespace Hub.Grains.Alerts;

/// <summary>What the unit that holds an alert needs to know about it to count it.</summary>
[GenerateSerializer, Immutable, Alias("hub.alert-entry")]
public sealed record AlertEntry(
    string Id,
    string Unit,
    Severity Severity,
    string Category,
    string? Device,
    AlertState State,
    DateOnly Day,
    UnitLevel? EscalatedTo,
    long Version,
    string? Sender = null,
    int Supervision = 0,
    int Reworks = 0,
    int? Rating = null,
    DateTimeOffset? NearingAt = null,
    DateTimeOffset? ReportedAt = null,
    DateTimeOffset? HandleDeadline = null)
{
    public bool IsActive => State.IsActive();

    public bool IsUnacknowledged => State == AlertState.Raised;

    /// <summary>Still active and past its stage's limit (supervised: 督办) or its handling limit (超时) at <paramref name="now"/>.</summary>
    public bool IsOverdue(DateTimeOffset now) => IsActive && (Supervision >= 1 || HandleDeadline <= now);

    /// <summary>Active and at or past <see cref="StageClock.NearAt"/> of its stage's limit (临期), overdue ones included.</summary>
    public bool IsNearing(DateTimeOffset now) => IsActive && (IsOverdue(now) || NearingAt <= now);
}
