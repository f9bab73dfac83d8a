using Hub.Grains.Alerts;
using Hub.Grains.History;

namespace Hub.Grains.Units;

/// <summary>The durable state of a grid, the leaf every figure is counted from. The aliases are stored type names: keep them stable.</summary>
[GenerateSerializer, Alias("hub.grid-state.v1")]
public sealed class GridState : IJournaledState
{
    [Id(0)]
    public AlertBook Alerts { get; set; } = new();

    /// <summary>Duty of the workers who have checked in here, by worker id.</summary>
    [Id(1)]
    public Dictionary<string, WorkerDuty> Workers { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Check-ins and patrolled targets per calendar day (recent days only).</summary>
    [Id(2)]
    public Dictionary<DateOnly, PatrolDay> Days { get; set; } = [];

    /// <summary>Check-in ids as states stored before <see cref="Seen"/> kept them; moved there on load.</summary>
    [Id(3)]
    public Dictionary<string, DateOnly> SeenCheckins { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The latest patrol at each unit of the grid (the grid itself or a building).</summary>
    [Id(4)]
    public Dictionary<string, DateTimeOffset> LastPatrol { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The latest check-in of any kind at each unit of the grid.</summary>
    [Id(5)]
    public Dictionary<string, DateTimeOffset> LastCheckin { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Check-in ids seen, by the day each counted toward, so a resend is a duplicate.</summary>
    [Id(6)]
    public CheckinLedger Seen { get; set; } = new();

    // Made on first use: a deserializer may create the state without running its initializers.
    [NonSerialized]
    private List<CheckinRecord>? _unjournaled;

    public IReadOnlyList<CheckinRecord> Unjournaled => _unjournaled ?? (IReadOnlyList<CheckinRecord>)[];

    /// <summary>History rows for check-ins counted into this state, stored with its next write.</summary>
    public void Journal(IEnumerable<CheckinRecord> rows) => (_unjournaled ??= []).AddRange(rows);

    public void Journaled(int count) => _unjournaled?.RemoveRange(0, count);
}

[GenerateSerializer, Alias("hub.worker-duty.v1")]
public sealed class WorkerDuty
{
    [Id(0)]
    public bool OnDuty { get; set; }

    /// <summary>Time of the latest check-in; an older one arriving late does not change duty.</summary>
    [Id(1)]
    public DateTimeOffset LastAt { get; set; }

    /// <summary>The open lost-contact alert, while the worker is lost contact.</summary>
    [Id(2)]
    public string? LostContactAlert { get; set; }

    public bool IsLostContact => OnDuty && LostContactAlert is not null;
}

[GenerateSerializer, Alias("hub.patrol-day.v1")]
public sealed class PatrolDay
{
    [Id(0)]
    public Dictionary<string, int> CheckinsByUnit { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Targets patrolled this day, as days stored before visits were counted knew them; <see cref="Visits"/> now.</summary>
    [Id(1)]
    public HashSet<string> Patrolled { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Patrol visits to each target this day (a plan may ask for more than one).</summary>
    [Id(2)]
    public Dictionary<string, int> Visits { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Patrols at each unit this day whose phone's position lay off the unit's place (<see cref="Geography.PatrolPlace"/>).</summary>
    [Id(3)]
    public Dictionary<string, int> OffPlaceByUnit { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Visits to <paramref name="target"/>: counted since plans, else one for a day that only knew it was patrolled.</summary>
    public int VisitsTo(string target) => Visits.TryGetValue(target, out var n) ? n : Patrolled.Contains(target) ? 1 : 0;

    public int Checkins => CheckinsByUnit.Values.Sum();
}
