namespace Hub.Grains.Model;

public enum AlertState
{
    Raised,
    Acknowledged,
    Dispatched,
    Resolved,
    Closed,
}

public static class AlertStates
{
    /// <summary>An alert is active until it is resolved or closed.</summary>
    public static bool IsActive(this AlertState state) => state is AlertState.Raised or AlertState.Acknowledged or AlertState.Dispatched;
}
