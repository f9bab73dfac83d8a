using Hub.Grains.Model;

namespace Hub.Grains.Alerts;

/// <summary>The state rules of API.md §5, as a table.</summary>
public static class AlertTransitions
{
    /// <returns>The state the action leads to, or null when it is not allowed from <paramref name="from"/>.</returns>
    public static AlertState? Apply(AlertAction action, AlertState from) => (action, from) switch
    {
        (AlertAction.Acknowledge, AlertState.Raised) => AlertState.Acknowledged,
        (AlertAction.Dispatch, AlertState.Acknowledged or AlertState.Dispatched) => AlertState.Dispatched,
        (AlertAction.Resolve, AlertState.Acknowledged or AlertState.Dispatched) => AlertState.Resolved,
        (AlertAction.Close, AlertState.Resolved) => AlertState.Closed,
        _ => null,
    };

    public static AlertEventKind EventOf(AlertAction action) => action switch
    {
        AlertAction.Acknowledge => AlertEventKind.Acknowledged,
        AlertAction.Dispatch => AlertEventKind.Dispatched,
        AlertAction.Resolve => AlertEventKind.Resolved,
        _ => AlertEventKind.Closed,
    };
}
