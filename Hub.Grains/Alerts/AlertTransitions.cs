using Hub.Grains.Model;

namespace Hub.Grains.Alerts;

/// <summary>The state rules of API.md §5 and of the closed loop (docs/API.md), as a table.</summary>
public static class AlertTransitions
{
    /// <param name="requireVerify">Whether <c>close</c> needs <c>verified</c> (<c>Hub:Cases:RequireVerify</c>), or takes <c>resolved</c> too.</param>
    /// <returns>The state the command leads to, or null when it is not allowed now.</returns>
    public static AlertState? Apply(AlertCommand command, AlertSummary alert, bool requireVerify) => (command.Action, alert.State) switch
    {
        (AlertAction.Acknowledge, AlertState.Raised) => AlertState.Acknowledged,
        (AlertAction.Dispatch, AlertState.Acknowledged or AlertState.Dispatched) => AlertState.Dispatched,
        (AlertAction.Resolve, AlertState.Acknowledged or AlertState.Dispatched) => AlertState.Resolved,
        (AlertAction.Reject, AlertState.Raised or AlertState.Acknowledged) => AlertState.Rejected,
        (AlertAction.Verify, AlertState.Resolved) => command.Passed == true ? AlertState.Verified : AlertState.Dispatched,
        (AlertAction.Close, AlertState.Verified) => AlertState.Closed,
        (AlertAction.Close, AlertState.Resolved) when !requireVerify => AlertState.Closed,
        (AlertAction.Rate, AlertState.Closed) when alert.Rating is null => AlertState.Closed,
        (AlertAction.Supervise, AlertState.Raised or AlertState.Acknowledged or AlertState.Dispatched) when alert.Supervision < 2 => alert.State,
        _ => null,
    };

    /// <summary>Whether the command sends a resolved case back for handling (返工).</summary>
    public static bool IsRework(AlertCommand command) => command.Action == AlertAction.Verify && command.Passed != true;

    public static AlertEventKind EventOf(AlertCommand command) => command.Action switch
    {
        AlertAction.Acknowledge => AlertEventKind.Acknowledged,
        AlertAction.Dispatch => AlertEventKind.Dispatched,
        AlertAction.Resolve => AlertEventKind.Resolved,
        AlertAction.Reject => AlertEventKind.Rejected,
        AlertAction.Verify => IsRework(command) ? AlertEventKind.Reworked : AlertEventKind.Verified,
        AlertAction.Rate => AlertEventKind.Rated,
        AlertAction.Supervise => AlertEventKind.Supervised,
        _ => AlertEventKind.Closed,
    };
}
