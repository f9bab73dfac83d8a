using Hub.Grains.Alerts;
using Hub.Grains.Model;

namespace Hub.Tests.Unit;

public class AlertTransitionsTests
{
    private static AlertSummary Case(AlertState state, int? rating = null) => new(
        "AL1", "ZZ-01", "evt-1", "G1", "G1", ["G1"], null, "fire", Severity.Major, null, null, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow,
        1, state, false, null, null, "ZZ-01", DateTimeOffset.UtcNow, 1, Rating: rating);

    private static AlertCommand Command(AlertAction action) => new(action, "officer", null, Passed: action == AlertAction.Verify ? true : null, Score: 5);

    /// <summary>The whole table, written out here apart from the product's: with verification required, and without.</summary>
    public static TheoryData<AlertAction, AlertState, bool, AlertState?> Table()
    {
        var data = new TheoryData<AlertAction, AlertState, bool, AlertState?>();
        foreach (var requireVerify in new[] { true, false })
        {
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
                        (AlertAction.Reject, AlertState.Raised) => AlertState.Rejected,
                        (AlertAction.Reject, AlertState.Acknowledged) => AlertState.Rejected,
                        (AlertAction.Verify, AlertState.Resolved) => AlertState.Verified,
                        (AlertAction.Close, AlertState.Verified) => AlertState.Closed,
                        (AlertAction.Close, AlertState.Resolved) when !requireVerify => AlertState.Closed,
                        (AlertAction.Rate, AlertState.Closed) => AlertState.Closed,
                        // 督办 presses an active case on, in the state it is in.
                        (AlertAction.Supervise, AlertState.Raised or AlertState.Acknowledged or AlertState.Dispatched) => from,
                        _ => null,
                    };
                    data.Add(action, from, requireVerify, to);
                }
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void Every_action_from_every_state(AlertAction action, AlertState from, bool requireVerify, AlertState? expected) =>
        Assert.Equal(expected, AlertTransitions.Apply(Command(action), Case(from), requireVerify));

    [Fact]
    public void A_case_already_at_red_is_pressed_no_further() =>
        Assert.Null(AlertTransitions.Apply(Command(AlertAction.Supervise), Case(AlertState.Dispatched) with { Supervision = 2 }, requireVerify: true));

    [Fact]
    public void A_failed_verification_sends_the_case_back_to_dispatched_as_a_rework()
    {
        var failed = new AlertCommand(AlertAction.Verify, "officer", "墙面仍有涂鸦", Passed: false);
        Assert.Equal(AlertState.Dispatched, AlertTransitions.Apply(failed, Case(AlertState.Resolved), requireVerify: true));
        Assert.True(AlertTransitions.IsRework(failed));
        Assert.Equal(AlertEventKind.Reworked, AlertTransitions.EventOf(failed));
        Assert.Equal(AlertEventKind.Verified, AlertTransitions.EventOf(Command(AlertAction.Verify)));
    }

    [Fact]
    public void A_case_is_rated_once()
    {
        Assert.Equal(AlertState.Closed, AlertTransitions.Apply(Command(AlertAction.Rate), Case(AlertState.Closed), requireVerify: true));
        Assert.Null(AlertTransitions.Apply(Command(AlertAction.Rate), Case(AlertState.Closed, rating: 4), requireVerify: true));
    }

    [Theory]
    [InlineData(AlertState.Raised, true, false, true)]
    [InlineData(AlertState.Acknowledged, true, false, true)]
    [InlineData(AlertState.Dispatched, true, false, true)]
    [InlineData(AlertState.Resolved, false, true, true)]
    [InlineData(AlertState.Verified, false, true, true)]
    [InlineData(AlertState.Closed, false, true, true)]
    [InlineData(AlertState.Rejected, false, false, false)]
    public void Active_handled_and_counted(AlertState state, bool active, bool handled, bool counts) =>
        Assert.Equal((active, handled, counts), (state.IsActive(), state.IsHandled(), state.Counts()));
}
