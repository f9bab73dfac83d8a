using Hub.Grains.Alerts;
using Hub.Grains.Model;
using Hub.Grains.Units;
using Hub.Tests.Support;

namespace Hub.Tests.Grains;

public class AlertGrainTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private readonly IGrainFactory _grains = fixture.Grains;

    private static AlertReport Report(string unit, string? device = null, string category = "fire", Severity severity = Severity.Major, string? sourceId = null) =>
        new("ZZ-T", sourceId ?? Guid.NewGuid().ToString("N"), unit, device, category, severity, DateTimeOffset.UtcNow, "烟火识别", null, Center);

    private static readonly Sender Center = Sender.Center("ZZ-T", "key-t");

    private async Task<RaiseResult> Raise(AlertReport report) =>
        (await _grains.GetGrain<IGridGrain>(TestCity.Grid(1, 1)).RaiseAlerts([report]))[0];

    [Fact]
    public async Task Concurrent_acknowledgements_have_exactly_one_winner()
    {
        var raised = await Raise(Report(TestCity.Grid(1, 1)));
        var alert = _grains.GetGrain<IAlertGrain>(raised.AlertId);
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            alert.Act(new AlertCommand(AlertAction.Acknowledge, $"officer-{i}", null))));
        var winner = Assert.Single(results, r => r.Outcome == ActionOutcome.Done);
        Assert.All(results.Where(r => r != winner), r =>
        {
            Assert.Equal(ActionOutcome.Conflict, r.Outcome);
            Assert.Equal(AlertState.Acknowledged, r.CurrentState);
            Assert.Equal(winner.Alert!.LastBy, r.Alert!.LastBy);
        });
        var audit = (await alert.Read()).Audit!;
        Assert.Equal([AlertEventKind.Raised, AlertEventKind.Acknowledged], audit.Select(a => a.Action));
    }

    [Fact]
    public async Task Same_device_and_category_merges_and_a_resend_of_the_merged_report_is_a_duplicate()
    {
        var device = TestCity.Smoke(1, 1);
        var first = await Raise(Report(TestCity.Building(1, 1, 1), device, "smoke"));
        var second = Report(TestCity.Building(1, 1, 1), device, "smoke");
        var merged = await Raise(second);
        Assert.Equal((RaiseOutcome.Merged, first.AlertId), (merged.Outcome, merged.AlertId));
        var resent = await Raise(second);
        Assert.Equal((RaiseOutcome.Duplicate, first.AlertId), (resent.Outcome, resent.AlertId));
        Assert.Equal(2, (await _grains.GetGrain<IAlertGrain>(first.AlertId).Read()).Alert!.Occurrences);

        // Another category on the same device is a new alert.
        var other = await Raise(Report(TestCity.Building(1, 1, 1), device, "gas"));
        Assert.Equal(RaiseOutcome.Created, other.Outcome);
    }

    [Fact]
    public async Task After_resolution_the_same_device_raises_a_new_alert()
    {
        var device = TestCity.Camera(1, 1);
        var first = await Raise(Report(TestCity.Grid(1, 1), device, "crowd"));
        var alert = _grains.GetGrain<IAlertGrain>(first.AlertId);
        await alert.Act(new AlertCommand(AlertAction.Acknowledge, "officer", null));
        await alert.Act(new AlertCommand(AlertAction.Resolve, "officer", "已处置"));
        var next = await Raise(Report(TestCity.Grid(1, 1), device, "crowd"));
        Assert.Equal(RaiseOutcome.Created, next.Outcome);
        Assert.NotEqual(first.AlertId, next.AlertId);
    }

    [Fact]
    public async Task The_holder_counts_acknowledgement_and_resolution()
    {
        var grid = _grains.GetGrain<IGridGrain>(TestCity.Grid(1, 2));
        var raised = (await grid.RaiseAlerts([Report(TestCity.Grid(1, 2), severity: Severity.Critical)]))[0];
        var tally = (await grid.GetTally()).Tally;
        Assert.Equal((1, 1, 1), (tally.Alerts.Active, tally.Alerts.Unacknowledged, tally.Alerts.UnacknowledgedCritical));

        var alert = _grains.GetGrain<IAlertGrain>(raised.AlertId);
        await alert.Act(new AlertCommand(AlertAction.Acknowledge, "officer", null));
        await Eventually.Within(TimeSpan.FromSeconds(2), async () => (await grid.GetTally()).Tally.Alerts, a => a.Unacknowledged == 0 && a.Active == 1, "ack counted");
        await alert.Act(new AlertCommand(AlertAction.Resolve, "officer", "已处置"));
        var after = await Eventually.Within(TimeSpan.FromSeconds(2), async () => (await grid.GetTally()).Tally, t => t.Alerts.Active == 0, "resolution counted");
        Assert.Equal((1, 1), (after.Today.Raised, after.Today.Handled));
    }

    [Fact]
    public async Task An_unknown_alert_is_not_found()
    {
        var alert = _grains.GetGrain<IAlertGrain>("AL-NOPE");
        Assert.Equal(ActionOutcome.NotFound, (await alert.Act(new AlertCommand(AlertAction.Acknowledge, "officer", null))).Outcome);
        Assert.Equal(ActionOutcome.NotFound, (await alert.Read()).Outcome);
    }

    [Fact]
    public async Task An_action_from_outside_the_alerts_scope_finds_nothing_and_changes_nothing()
    {
        var raised = await Raise(Report(TestCity.Building(1, 1, 2)));
        var alert = _grains.GetGrain<IAlertGrain>(raised.AlertId);
        var foreign = new AlertCommand(AlertAction.Acknowledge, "officer-s2", null, Scope: TestCity.Street(2));
        Assert.Equal(ActionOutcome.NotFound, (await alert.Act(foreign)).Outcome);
        Assert.Equal(ActionOutcome.NotFound, (await alert.Clear(Sender.Center("ZZ-S2", "key-s2"), TestCity.Street(2))).Outcome);
        var unchanged = (await alert.Read()).Alert!;
        Assert.Equal(AlertState.Raised, unchanged.State);
        Assert.False(unchanged.Cleared);

        var inside = new AlertCommand(AlertAction.Acknowledge, "officer-s1", null, Scope: TestCity.Street(1));
        Assert.Equal(ActionOutcome.Done, (await alert.Act(inside)).Outcome);
    }
}
