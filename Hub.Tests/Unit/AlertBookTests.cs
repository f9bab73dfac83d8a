using Hub.Grains.Alerts;
using Hub.Grains.Model;

namespace Hub.Tests.Unit;

public class AlertBookTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(8));

    private static AlertEntry Entry(string id, Severity severity = Severity.Major, AlertState state = AlertState.Raised, string unit = "G1",
        string? device = null, string category = "fire", DateOnly? day = null, UnitLevel? escalatedTo = null, long version = 1, string sender = "center:ZZ-01") =>
        new(id, unit, severity, category, device, state, day ?? Today, escalatedTo, version, sender);

    [Fact]
    public void Counts_active_alerts_by_severity_and_acknowledgement()
    {
        var book = new AlertBook();
        book.Put(Entry("a", Severity.Critical));
        book.Put(Entry("b", Severity.Critical, AlertState.Acknowledged));
        book.Put(Entry("c", Severity.Major));
        book.Put(Entry("d", Severity.Minor, AlertState.Dispatched));
        book.Put(Entry("e", Severity.Warning));
        book.Put(Entry("f", Severity.Critical, AlertState.Resolved));
        book.Put(Entry("g", Severity.Major, AlertState.Closed));
        var counts = book.Count(Now);
        // "b" is a critical case accepted and still open: it keeps its unit orange (AcknowledgedCritical).
        Assert.Equal(new AlertCounts(5, 3, 2, 1, 1, 1, 1, 1, EscalationCounts.Zero, AcknowledgedCritical: 1), counts);
    }

    [Fact]
    public void Only_unacknowledged_escalated_alerts_count_as_escalated()
    {
        var book = new AlertBook();
        book.Put(Entry("a", escalatedTo: UnitLevel.Community));
        book.Put(Entry("b", state: AlertState.Acknowledged, escalatedTo: UnitLevel.Street));
        Assert.Equal(EscalationCounts.One(UnitLevel.Community), book.Count(Now).Escalated);
    }

    [Fact]
    public void A_filter_selects_one_building()
    {
        var book = new AlertBook();
        book.Put(Entry("a", unit: "B1"));
        book.Put(Entry("b", unit: "B2"));
        Assert.Equal(1, book.Count(Now, e => e.Unit == "B1").Active);
    }

    [Fact]
    public void An_older_version_never_replaces_a_newer_one()
    {
        var book = new AlertBook();
        Assert.True(book.Put(Entry("a", state: AlertState.Acknowledged, version: 2)));
        Assert.False(book.Put(Entry("a", state: AlertState.Raised, version: 1)));
        Assert.False(book.Put(Entry("a", state: AlertState.Raised, version: 2)));
        Assert.Equal(AlertState.Acknowledged, book.Entries["a"].State);
    }

    [Fact]
    public void Merge_target_is_the_active_alert_of_the_same_device_category_and_sender()
    {
        var book = new AlertBook();
        book.Put(Entry("old", state: AlertState.Resolved, device: "CAM-1"));
        book.Put(Entry("other", device: "CAM-1", category: "crowd"));
        book.Put(Entry("theirs", device: "CAM-1", sender: "center:ZZ-02"));
        book.Put(Entry("open", state: AlertState.Dispatched, device: "CAM-1"));
        Assert.Equal("open", book.ActiveFor("CAM-1", "fire", "center:ZZ-01")!.Id);
        Assert.Equal("theirs", book.ActiveFor("CAM-1", "fire", "center:ZZ-02")!.Id);
        Assert.Null(book.ActiveFor("CAM-1", "fire", "center:ZZ-03"));
        Assert.Null(book.ActiveFor("CAM-2", "fire", "center:ZZ-01"));
    }

    [Fact]
    public void Day_figures_count_cases_raised_that_day_those_now_handled_reworked_and_rated_and_rejected_reports_apart()
    {
        var book = new AlertBook();
        book.Put(Entry("a"));
        book.Put(Entry("b", state: AlertState.Resolved));
        book.Put(Entry("c", state: AlertState.Closed) with { Reworks = 2, Rating = 4 });
        book.Put(Entry("v", state: AlertState.Verified) with { Reworks = 1 });
        book.Put(Entry("r", state: AlertState.Rejected));
        book.Put(Entry("y", state: AlertState.Resolved, day: Today.AddDays(-1)));
        Assert.Equal(new DayCounts(Today, 0, 0, 4, 3, 1, Reworked: 2, Rated: 1, RatingSum: 4), book.Day(Today));
        Assert.Equal(new DayCounts(Today.AddDays(-1), 0, 0, 1, 1), book.Day(Today.AddDays(-1)));
        Assert.Equal(DayCounts.Zero(Today.AddDays(1)), book.Day(Today.AddDays(1)));
    }

    [Fact]
    public void Active_cases_past_their_stage_limit_count_as_overdue()
    {
        var book = new AlertBook();
        book.Put(Entry("late", state: AlertState.Acknowledged) with { Supervision = 1 });
        book.Put(Entry("later", state: AlertState.Dispatched) with { Supervision = 2 });
        book.Put(Entry("in-time", state: AlertState.Dispatched));
        book.Put(Entry("done-late", state: AlertState.Closed) with { Supervision = 2 });
        Assert.Equal((3, 2), (book.Count(Now).Active, book.Count(Now).Overdue));
    }

    [Fact]
    public void Active_cases_at_80_percent_of_their_stage_limit_count_as_nearing_from_that_moment()
    {
        var book = new AlertBook();
        book.Put(Entry("near", state: AlertState.Acknowledged) with { NearingAt = Now });
        book.Put(Entry("not-yet", state: AlertState.Dispatched) with { NearingAt = Now.AddTicks(1) });
        book.Put(Entry("late", state: AlertState.Dispatched) with { Supervision = 1 });
        book.Put(Entry("no-limit", state: AlertState.Dispatched));
        book.Put(Entry("done", state: AlertState.Resolved) with { NearingAt = Now.AddHours(-1) });
        Assert.Equal(2, book.Count(Now).Nearing); // "near" and the overdue "late"
        Assert.Equal(3, book.Count(Now.AddTicks(1)).Nearing);
        Assert.Equal(Now.AddTicks(1), book.NextClockChange(Now));
        Assert.Null(book.NextClockChange(Now.AddTicks(1)));
    }

    [Fact]
    public void A_case_past_its_handling_limit_is_overdue_from_that_moment_and_severe_when_major()
    {
        var book = new AlertBook();
        book.Put(Entry("late", Severity.Major, AlertState.Acknowledged) with { HandleDeadline = Now });
        book.Put(Entry("later", Severity.Minor, AlertState.Dispatched) with { HandleDeadline = Now.AddMinutes(5), NearingAt = Now.AddMinutes(1) });
        book.Put(Entry("handled", Severity.Major, AlertState.Resolved) with { HandleDeadline = Now.AddHours(-1) });
        var counts = book.Count(Now);
        Assert.Equal((1, 1), (counts.Overdue, counts.OverdueSevere));
        Assert.Equal(Now.AddMinutes(1), book.NextClockChange(Now));
        Assert.Equal(Now.AddMinutes(5), book.NextClockChange(Now.AddMinutes(1)));
        Assert.Equal(2, book.Count(Now.AddMinutes(5)).Overdue);
        Assert.Null(book.NextClockChange(Now.AddMinutes(5)));
    }

    [Fact]
    public void The_last_report_is_the_latest_of_the_cases_kept_including_handled_ones()
    {
        var book = new AlertBook();
        Assert.Null(book.LastReport());
        book.Put(Entry("a", unit: "B1") with { ReportedAt = Now.AddMinutes(-5) });
        book.Put(Entry("b", state: AlertState.Closed, unit: "B2") with { ReportedAt = Now.AddMinutes(-1) });
        Assert.Equal(Now.AddMinutes(-1), book.LastReport());
        Assert.Equal(Now.AddMinutes(-5), book.LastReport(e => e.Unit == "B1"));
    }

    [Fact]
    public void Pruning_forgets_old_handled_alerts_but_never_active_ones()
    {
        var book = new AlertBook();
        book.Put(Entry("old-handled", state: AlertState.Closed, day: Today.AddDays(-2)));
        book.Put(Entry("old-active", day: Today.AddDays(-30)));
        book.Put(Entry("yesterday", state: AlertState.Closed, day: Today.AddDays(-1)));
        book.Prune(Today);
        Assert.Equal(["old-active", "yesterday"], book.Entries.Keys.Order());
    }
}
