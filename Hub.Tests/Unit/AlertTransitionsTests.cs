using Hub.Grains.Alerts;
using Hub.Grains.Model;

namespace Hub.Tests.Unit;

public class AlertTransitionsTests
{
    public static TheoryData<AlertAction, AlertState, AlertState?> Table()
    {
        var data = new TheoryData<AlertAction, AlertState, AlertState?>();
        foreach (var action in Enum.GetValues<AlertAction>())
        {
            foreach (var from in Enum.GetValues<AlertState>())
            {
                AlertState? to = (action, from) switch
                {
                    (AlertAction.Acknowledge, AlertState.Raised) => AlertState.Acknowledged,
                    (AlertAction.Dispatch, AlertState.Acknowledged) => AlertState.Dispatched,
                    (AlertAction.Dispatch, AlertState.Dispatched) => AlertState.Dispatched,
                    (AlertAction.Resolve, AlertState.Acknowledged) => AlertState.Resolved,
                    (AlertAction.Resolve, AlertState.Dispatched) => AlertState.Resolved,
                    (AlertAction.Close, AlertState.Resolved) => AlertState.Closed,
                    _ => null,
                };
                data.Add(action, from, to);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void Every_action_from_every_state(AlertAction action, AlertState from, AlertState? expected) =>
        Assert.Equal(expected, AlertTransitions.Apply(action, from));

    [Theory]
    [InlineData(AlertState.Raised, true)]
    [InlineData(AlertState.Acknowledged, true)]
    [InlineData(AlertState.Dispatched, true)]
    [InlineData(AlertState.Resolved, false)]
    [InlineData(AlertState.Closed, false)]
    public void Active_until_resolved_or_closed(AlertState state, bool active) => Assert.Equal(active, state.IsActive());
}
