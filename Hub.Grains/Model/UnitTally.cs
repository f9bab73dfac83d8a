namespace Hub.Grains.Model;

/// <summary>
/// The whole rolled-up picture of one subtree. <see cref="PatrolTargets"/> counts the targets on a
/// daily patrol plan. A unit sends its tally to its parent in full
/// (never as deltas), so a repeated or reordered report cannot corrupt the parent's sum.
/// </summary>
[GenerateSerializer, Immutable, Alias("hub.unit-tally")]
public sealed record UnitTally(AlertCounts Alerts, WorkerCounts Workers, int PatrolTargets, DayCounts Today, SourceTimes? Sources = null)
{
    public static UnitTally Empty(DateOnly day) => new(AlertCounts.Zero, WorkerCounts.Zero, 0, DayCounts.Zero(day), SourceTimes.None);
}

/// <summary>
/// Active alerts of a subtree. <see cref="Overdue"/>: past their stage's limit (超时);
/// <see cref="OverdueSevere"/>: of those, critical or major; <see cref="AcknowledgedCritical"/>:
/// critical ones accepted but not yet handled; <see cref="Nearing"/>: at or past 80 % of their
/// stage's limit (临期), the overdue ones included.
/// </summary>
[GenerateSerializer, Immutable, Alias("hub.alert-counts")]
public sealed record AlertCounts(
    int Active,
    int Unacknowledged,
    int Critical,
    int Major,
    int Minor,
    int Warning,
    int UnacknowledgedCritical,
    int UnacknowledgedMajor,
    EscalationCounts Escalated,
    int Overdue = 0,
    int OverdueSevere = 0,
    int AcknowledgedCritical = 0,
    int Nearing = 0)
{
    public static readonly AlertCounts Zero = new(0, 0, 0, 0, 0, 0, 0, 0, EscalationCounts.Zero);

    public static AlertCounts operator +(AlertCounts a, AlertCounts b) => new(
        a.Active + b.Active,
        a.Unacknowledged + b.Unacknowledged,
        a.Critical + b.Critical,
        a.Major + b.Major,
        a.Minor + b.Minor,
        a.Warning + b.Warning,
        a.UnacknowledgedCritical + b.UnacknowledgedCritical,
        a.UnacknowledgedMajor + b.UnacknowledgedMajor,
        a.Escalated + b.Escalated,
        a.Overdue + b.Overdue,
        a.OverdueSevere + b.OverdueSevere,
        a.AcknowledgedCritical + b.AcknowledgedCritical,
        a.Nearing + b.Nearing);
}

/// <summary>
/// Active unacknowledged escalated alerts, counted by the level they have climbed to. A unit at
/// depth d counts those that climbed to depth d or higher (API.md §6), which a plain sum keeps.
/// </summary>
[GenerateSerializer, Immutable, Alias("hub.escalation-counts")]
public sealed record EscalationCounts(int ToCity, int ToDistrict, int ToStreet, int ToCommunity, int ToGrid)
{
    public static readonly EscalationCounts Zero = new(0, 0, 0, 0, 0);

    public int Any => ToCity + ToDistrict + ToStreet + ToCommunity + ToGrid;

    /// <summary>Escalated alerts that sit with a unit at <paramref name="level"/> or above it.</summary>
    public int AtOrAbove(UnitLevel level) => level switch
    {
        UnitLevel.City => ToCity,
        UnitLevel.District => ToCity + ToDistrict,
        UnitLevel.Street => ToCity + ToDistrict + ToStreet,
        UnitLevel.Community => ToCity + ToDistrict + ToStreet + ToCommunity,
        _ => Any,
    };

    public static EscalationCounts One(UnitLevel escalatedTo) => escalatedTo switch
    {
        UnitLevel.City => new(1, 0, 0, 0, 0),
        UnitLevel.District => new(0, 1, 0, 0, 0),
        UnitLevel.Street => new(0, 0, 1, 0, 0),
        UnitLevel.Community => new(0, 0, 0, 1, 0),
        UnitLevel.Grid => new(0, 0, 0, 0, 1),
        _ => throw new ArgumentOutOfRangeException(nameof(escalatedTo), escalatedTo, "an alert cannot escalate to a building"),
    };

    public static EscalationCounts operator +(EscalationCounts a, EscalationCounts b) => new(
        a.ToCity + b.ToCity, a.ToDistrict + b.ToDistrict, a.ToStreet + b.ToStreet, a.ToCommunity + b.ToCommunity, a.ToGrid + b.ToGrid);
}

/// <summary>Grid workers of a subtree.</summary>
[GenerateSerializer, Immutable, Alias("hub.worker-counts")]
public sealed record WorkerCounts(int Total, int OnDuty, int LostContact)
{
    public static readonly WorkerCounts Zero = new(0, 0, 0);

    public static WorkerCounts operator +(WorkerCounts a, WorkerCounts b) =>
        new(a.Total + b.Total, a.OnDuty + b.OnDuty, a.LostContact + b.LostContact);
}

/// <summary>
/// Figures of one calendar day in the hub's time zone: check-ins; the daily patrol plan's visits
/// done (<see cref="Patrolled"/>, at most the plan per target) and planned; this week's and this
/// month's progress of the weekly and monthly plans; and the day's cases — raised (rejected ones
/// apart), handled by now, rejected, reworked at least once, rated and the sum of their scores.
/// </summary>
[GenerateSerializer, Immutable, Alias("hub.day-counts")]
public sealed record DayCounts(
    DateOnly Day,
    int Checkins,
    int Patrolled,
    int Raised,
    int Handled,
    int Rejected = 0,
    int Reworked = 0,
    int Rated = 0,
    long RatingSum = 0,
    int PatrolPlanned = 0,
    Patrol.PatrolProgress? Week = null,
    Patrol.PatrolProgress? Month = null,
    int OffPlacePatrols = 0)
{
    public static DayCounts Zero(DateOnly day) => new(day, 0, 0, 0, 0);

    /// <summary>The day's figures of two parts of a subtree together.</summary>
    public DayCounts Plus(DayCounts other) => new(
        Day, Checkins + other.Checkins, Patrolled + other.Patrolled, Raised + other.Raised, Handled + other.Handled,
        Rejected + other.Rejected, Reworked + other.Reworked, Rated + other.Rated, RatingSum + other.RatingSum,
        PatrolPlanned + other.PatrolPlanned,
        Sum(Week, other.Week),
        Sum(Month, other.Month),
        OffPlacePatrols + other.OffPlacePatrols);

    // Parts that know no weekly or monthly plan leave the figure out, rather than zero.
    private static Patrol.PatrolProgress? Sum(Patrol.PatrolProgress? a, Patrol.PatrolProgress? b) =>
        a is null ? b : b is null ? a : a.Plus(b);
}
