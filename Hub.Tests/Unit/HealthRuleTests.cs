using Hub.Grains.Model;
using Hub.Grains.Rollup;

namespace Hub.Tests.Unit;

public class HealthRuleTests
{
    private static AlertCounts Alerts(int active = 0, int unackCritical = 0, int unackMajor = 0, EscalationCounts? escalated = null) =>
        AlertCounts.Zero with
        {
            Active = active,
            UnacknowledgedCritical = unackCritical,
            UnacknowledgedMajor = unackMajor,
            Escalated = escalated ?? EscalationCounts.Zero,
        };

    [Fact]
    public void Nothing_active_is_green() => Assert.Equal(Health.Green, HealthRule.Evaluate(AlertCounts.Zero, WorkerCounts.Zero));

    [Fact]
    public void Any_active_alert_is_yellow() => Assert.Equal(Health.Yellow, HealthRule.Evaluate(Alerts(active: 1), WorkerCounts.Zero));

    [Fact]
    public void Unacknowledged_major_is_orange() => Assert.Equal(Health.Orange, HealthRule.Evaluate(Alerts(active: 1, unackMajor: 1), WorkerCounts.Zero));

    [Fact]
    public void Lost_contact_worker_is_orange_even_without_alerts() =>
        Assert.Equal(Health.Orange, HealthRule.Evaluate(AlertCounts.Zero, new WorkerCounts(3, 2, 1)));

    [Fact]
    public void Unacknowledged_critical_is_red() =>
        Assert.Equal(Health.Red, HealthRule.Evaluate(Alerts(active: 1, unackCritical: 1), new WorkerCounts(3, 2, 1)));

    [Fact]
    public void Any_escalated_alert_is_red_at_every_level() =>
        Assert.Equal(Health.Red, HealthRule.Evaluate(Alerts(active: 1, escalated: EscalationCounts.One(UnitLevel.Grid)), WorkerCounts.Zero));

    [Fact]
    public void An_accepted_critical_case_still_open_is_orange_not_calm() =>
        Assert.Equal(Health.Orange, HealthRule.Evaluate(Alerts(active: 1) with { Critical = 1, AcknowledgedCritical = 1 }, WorkerCounts.Zero));

    [Fact]
    public void A_critical_or_major_case_past_its_limit_is_red_however_acknowledged() =>
        Assert.Equal(Health.Red, HealthRule.Evaluate(Alerts(active: 1) with { Major = 1, Overdue = 1, OverdueSevere = 1 }, WorkerCounts.Zero));

    [Fact]
    public void A_minor_case_past_its_limit_is_orange()
    {
        Assert.Equal(Health.Orange, HealthRule.Evaluate(Alerts(active: 1) with { Minor = 1, Overdue = 1 }, WorkerCounts.Zero));
        // One step below: within its limit, it is only active.
        Assert.Equal(Health.Yellow, HealthRule.Evaluate(Alerts(active: 1) with { Minor = 1 }, WorkerCounts.Zero));
    }

    [Fact]
    public void A_case_at_80_percent_of_its_limit_is_orange()
    {
        Assert.Equal(Health.Orange, HealthRule.Evaluate(Alerts(active: 1) with { Warning = 1, Nearing = 1 }, WorkerCounts.Zero));
        Assert.Equal(Health.Yellow, HealthRule.Evaluate(Alerts(active: 1) with { Warning = 1 }, WorkerCounts.Zero));
    }

    [Fact]
    public void Health_orders_from_calm_to_urgent() =>
        Assert.True(Health.Green < Health.Yellow && Health.Yellow < Health.Orange && Health.Orange < Health.Red);
}
