using Hub.Grains.Alerts;
using Hub.Grains.Model;
using Hub.Grains.Time;

namespace Hub.Tests.Unit;

public class StageClockTests
{
    private static readonly DateTimeOffset Since = new(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(8));

    private static AlertSummary Case(AlertState state, params PartState[] parts) => new(
        "AL1", "ZZ-01", "evt-1", "G1", "G1", ["T", "G1"], null, "fire", Severity.Major, null, null, Since, Since,
        1, state, false, null, null, "ZZ-01", Since, 1,
        Parts: parts.Select((p, i) => new DepartmentPart($"D{i}", p, Since, null, null, null)).ToArray());

    [Theory]
    [InlineData(AlertState.Raised, CaseStage.Accept)]
    [InlineData(AlertState.Acknowledged, CaseStage.Dispatch)]
    [InlineData(AlertState.Dispatched, CaseStage.Handle)]
    [InlineData(AlertState.Resolved, CaseStage.Verify)]
    [InlineData(AlertState.Verified, null)]
    [InlineData(AlertState.Closed, null)]
    [InlineData(AlertState.Rejected, null)]
    public void Each_state_waits_in_its_stage(AlertState state, CaseStage? stage) => Assert.Equal(stage, StageClock.StageOf(Case(state)));

    [Fact]
    public void A_dispatched_case_waits_for_report_in_while_any_summoned_department_has_not_reported()
    {
        Assert.Equal(CaseStage.ReportIn, StageClock.StageOf(Case(AlertState.Dispatched, PartState.Reported, PartState.Waiting)));
        Assert.Equal(CaseStage.Handle, StageClock.StageOf(Case(AlertState.Dispatched, PartState.Reported, PartState.Done)));
    }

    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(0.9999, 0)]
    [InlineData(1.0, 1)]
    [InlineData(1.4999, 1)]
    [InlineData(1.5, 2)]
    [InlineData(7.0, 2)]
    public void Yellow_at_the_limit_red_at_half_again(double used, int level) => Assert.Equal(level, StageClock.LevelOf(used));

    [Fact]
    public void The_clock_reads_from_the_stage_start_and_names_the_next_level()
    {
        var limit = new CaseLimit(TimeSpan.FromMinutes(30));
        var reading = StageClock.Read(Case(AlertState.Acknowledged), Since, limit, Since.AddMinutes(36))!;
        Assert.Equal((CaseStage.Dispatch, 1.2, true, 1), (reading.Stage, reading.Used!.Value, reading.Overdue, reading.Supervision));
        Assert.Equal(Since.AddMinutes(30), reading.Deadline);
        Assert.Equal(Since.AddMinutes(30), StageClock.NextAt(Since, limit, 0));
        Assert.Equal(Since.AddMinutes(45), StageClock.NextAt(Since, limit, 1));
        Assert.Null(StageClock.NextAt(Since, limit, 2));
        Assert.Null(StageClock.NextAt(Since, null, 0));
        var unlimited = StageClock.Read(Case(AlertState.Raised), Since, null, Since.AddDays(3))!;
        Assert.Equal((null, false, 0), (unlimited.Used, unlimited.Overdue, unlimited.Supervision));
    }

    [Fact]
    public void A_moment_before_the_limit_is_not_over_it_though_the_share_shown_rounds_to_one()
    {
        var limit = new CaseLimit(TimeSpan.FromSeconds(2));
        var early = StageClock.Read(Case(AlertState.Acknowledged), Since, limit, Since + limit.Length - TimeSpan.FromTicks(420))!;
        Assert.Equal((1.0, 0, false), (early.Used!.Value, early.Supervision, early.Overdue));
        Assert.Equal(1, StageClock.Read(Case(AlertState.Acknowledged), Since, limit, Since + limit.Length)!.Supervision);
    }
}
