namespace Hub.Grains.History;

/// <summary>What history counts for one subtree in one clock hour: alerts raised by severity, check-ins and patrols.</summary>
public sealed record HourHistory(DateTimeOffset Hour, int Critical, int Major, int Minor, int Warning, int Checkins, int Patrols)
{
    public static HourHistory Zero(DateTimeOffset hour) => new(hour, 0, 0, 0, 0, 0, 0);
}
