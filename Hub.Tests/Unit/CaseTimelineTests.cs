using Hub.Grains;
using Hub.Grains.Alerts;
using Hub.Grains.Model;
using Hub.Grains.Time;

namespace Hub.Tests.Unit;

public class CaseTimelineTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly CaseLimits Sla = new(new SlaOptions());

    private static AuditEntry Line(int minute, string by, AlertEventKind action, AlertState? from, AlertState to, params string[] departments) =>
        new(T0.AddMinutes(minute), by, action, from, to, null, Departments: departments.Length > 0 ? departments : null);

    [Fact]
    public void A_whistled_case_reads_as_its_stages_with_who_ended_each_and_how_much_of_its_limit_it_took()
    {
        IReadOnlyList<AuditEntry> audit =
        [
            Line(0, "ZZ-01", AlertEventKind.Raised, null, AlertState.Raised),
            Line(8, "王值班", AlertEventKind.Acknowledged, AlertState.Raised, AlertState.Acknowledged),
            Line(20, "王值班", AlertEventKind.Dispatched, AlertState.Acknowledged, AlertState.Dispatched, "PS", "MR"),
            Line(35, "派出所", AlertEventKind.ReportedIn, AlertState.Dispatched, AlertState.Dispatched, "PS"),
            Line(50, "市场监管所", AlertEventKind.ReportedIn, AlertState.Dispatched, AlertState.Dispatched, "MR"),
            Line(90, "派出所", AlertEventKind.PartDone, AlertState.Dispatched, AlertState.Dispatched, "PS"),
            Line(120, "市场监管所", AlertEventKind.Resolved, AlertState.Dispatched, AlertState.Resolved, "MR"),
            Line(150, "李核查", AlertEventKind.Reworked, AlertState.Resolved, AlertState.Dispatched),
        ];
        var stages = CaseTimeline.Of(audit, Severity.Major, Sla, T0.AddMinutes(160));
        Assert.Equal(
            [CaseStage.Accept, CaseStage.Dispatch, CaseStage.ReportIn, CaseStage.Handle, CaseStage.Verify, CaseStage.ReportIn],
            stages.Select(s => s.Stage));
        // Accepting took 8 of its 10 minutes (major); report-in took 30 of 30 (the second department came at 50).
        Assert.Equal(("王值班", 0.8, false), (stages[0].By, stages[0].Used!.Value, stages[0].Overdue));
        Assert.Equal((T0.AddMinutes(20), T0.AddMinutes(50), "市场监管所", 1.0, true), (stages[2].From, stages[2].To!.Value, stages[2].By, stages[2].Used!.Value, stages[2].Overdue));
        Assert.Equal(("李核查", 0.5), (stages[4].By, stages[4].Used!.Value));
        // The rework calls both departments back: the last stage is open, 10 of its 30 minutes used so far.
        var open = stages[^1];
        Assert.Equal((T0.AddMinutes(150), (DateTimeOffset?)null, (string?)null, 0.3333), (open.From, open.To, open.By, open.Used!.Value));
    }

    [Fact]
    public void A_closed_case_has_no_open_stage_and_a_rejected_one_ends_at_the_rejection()
    {
        IReadOnlyList<AuditEntry> closed =
        [
            Line(0, "ZZ-01", AlertEventKind.Raised, null, AlertState.Raised),
            Line(1, "王值班", AlertEventKind.Acknowledged, AlertState.Raised, AlertState.Acknowledged),
            Line(2, "王值班", AlertEventKind.Resolved, AlertState.Acknowledged, AlertState.Resolved),
            Line(3, "李核查", AlertEventKind.Verified, AlertState.Resolved, AlertState.Verified),
            Line(4, "王值班", AlertEventKind.Closed, AlertState.Verified, AlertState.Closed),
        ];
        Assert.Equal([(CaseStage.Accept, "王值班"), (CaseStage.Dispatch, "王值班"), (CaseStage.Verify, "李核查")],
            CaseTimeline.Of(closed, Severity.Minor, Sla, T0.AddDays(1)).Select(s => (s.Stage, s.By!)));
        IReadOnlyList<AuditEntry> rejected = [Line(0, "ZZ-01", AlertEventKind.Raised, null, AlertState.Raised), Line(5, "王值班", AlertEventKind.Rejected, AlertState.Raised, AlertState.Rejected)];
        var only = Assert.Single(CaseTimeline.Of(rejected, Severity.Minor, Sla, T0.AddDays(1)));
        Assert.Equal((CaseStage.Accept, T0.AddMinutes(5)), (only.Stage, only.To!.Value));
    }
}
