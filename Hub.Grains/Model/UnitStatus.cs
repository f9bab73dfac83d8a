
namespace Hub.Grains.Model;

/// <summary>The rolled-up view of one unit (API.md §6).</summary>
[GenerateSerializer, Immutable, Alias("hub.unit-status")]
public sealed record UnitStatus(
    string Code,
    string Name,
    UnitLevel Level,
    string? Parent,
    Health Health,
    StatusAlerts Alerts,
    StatusWorkers Workers,
    StatusToday Today,
    IReadOnlyList<ChildSummary> Children,
    DateTimeOffset AsOf,
    DateTimeOffset? LastPatrolAt = null,
    StatusSources? Sources = null);

/// <summary>When the subtree last heard from each source: a check-in, a case report (null: not lately).</summary>
[GenerateSerializer, Immutable, Alias("hub.status-sources")]
public sealed record StatusSources(DateTimeOffset? Checkin, DateTimeOffset? Alert);

[GenerateSerializer, Immutable, Alias("hub.status-alerts")]
public sealed record StatusAlerts(int Active, int Unacknowledged, int Escalated, int Critical, int Major, int Minor, int Warning, int Overdue = 0, int Nearing = 0);

[GenerateSerializer, Immutable, Alias("hub.status-workers")]
public sealed record StatusWorkers(int Total, int OnDuty, int LostContact);

[GenerateSerializer, Immutable, Alias("hub.status-today")]
public sealed record StatusToday(
    int Checkins,
    int PatrolTargets,
    int Patrolled,
    double? PatrolRate,
    int Raised,
    int Handled,
    double? HandlingRate,
    int Rejected = 0,
    int Reworked = 0,
    double? ReworkRate = null,
    int Rated = 0,
    double? Satisfaction = null,
    int PatrolPlanned = 0,
    Patrol.PatrolProgress? Week = null,
    Patrol.PatrolProgress? Month = null,
    int OffPlacePatrols = 0);

[GenerateSerializer, Immutable, Alias("hub.child-summary")]
public sealed record ChildSummary(string Code, string Name, UnitLevel Level, Health Health, ChildAlerts Alerts, ChildWorkers Workers);

[GenerateSerializer, Immutable, Alias("hub.child-alerts")]
public sealed record ChildAlerts(int Active, int Unacknowledged, int Critical, int Major = 0, int Escalated = 0, int Overdue = 0);

[GenerateSerializer, Immutable, Alias("hub.child-workers")]
public sealed record ChildWorkers(int Total, int OnDuty);
