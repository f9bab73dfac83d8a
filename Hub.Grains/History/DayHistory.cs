namespace Hub.Grains.History;

/// <summary>
/// What history counts for one subtree on one day: alerts raised that day and what became of them,
/// and the day's check-ins, patrols and distinct patrolled targets.
/// </summary>
public sealed record DayHistory(DateOnly Day, int Raised, int Handled, int OnTimeHandled, int Closed, int Checkins, int Patrols, int Patrolled)
{
    public static DayHistory Zero(DateOnly day) => new(day, 0, 0, 0, 0, 0, 0, 0);
}
