using Hub.Grains.Model;
using Hub.Grains.Topology;
using Hub.Grains.Units;

namespace Hub.Tests.Unit;

public class DutyRosterTests
{
    private static readonly DateTimeOffset Nine = new(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(30);
    private static readonly WorkerSpec Zhang = new("W1", "张伟", "G1", WorkerRole.FullTime);
    private static readonly WorkerSpec Li = new("W2", "李娜", "G1", WorkerRole.PartTime);

    private static CheckinReport Checkin(WorkerSpec w, CheckinKind kind, DateTimeOffset at) => new(Guid.NewGuid().ToString("N"), w.Id, "G1", kind, at, null, null);

    [Fact]
    public void Any_check_in_but_an_end_of_shift_puts_a_worker_on_duty_and_a_late_one_changes_nothing()
    {
        var roster = new DutyRoster([], Limit);
        roster.CheckedIn(Checkin(Zhang, CheckinKind.Patrol, Nine));
        roster.CheckedIn(Checkin(Li, CheckinKind.Start, Nine));
        Assert.Equal((2, 0), roster.Count([Zhang, Li]));
        roster.CheckedIn(Checkin(Li, CheckinKind.End, Nine.AddMinutes(10)));
        roster.CheckedIn(Checkin(Li, CheckinKind.Patrol, Nine.AddMinutes(5))); // arrives late, is older
        Assert.Equal((1, 0), roster.Count([Zhang, Li]));
        Assert.True(roster.AnyOnDuty);
    }

    [Fact]
    public void Silent_past_the_limit_is_lost_contact_once_and_the_next_check_in_ends_it()
    {
        var roster = new DutyRoster([], Limit);
        roster.CheckedIn(Checkin(Zhang, CheckinKind.Start, Nine));
        Assert.Empty(roster.NewlyLost([Zhang], Nine + Limit)); // exactly at the limit: not yet
        var lost = Assert.Single(roster.NewlyLost([Zhang], Nine + Limit + TimeSpan.FromSeconds(1)));
        Assert.Equal((Zhang, Nine), lost);
        roster.Lost(Zhang.Id, "AL-1");
        Assert.Equal((1, 1), roster.Count([Zhang]));
        Assert.Empty(roster.NewlyLost([Zhang], Nine.AddHours(2))); // raised once
        Assert.Equal("AL-1", roster.CheckedIn(Checkin(Zhang, CheckinKind.Patrol, Nine.AddHours(2))));
        Assert.Equal((1, 0), roster.Count([Zhang]));
    }

    [Fact]
    public void Off_duty_workers_are_never_lost_contact()
    {
        var roster = new DutyRoster([], Limit);
        roster.CheckedIn(Checkin(Zhang, CheckinKind.End, Nine));
        Assert.Empty(roster.NewlyLost([Zhang, Li], Nine.AddDays(1)));
        Assert.False(roster.AnyOnDuty);
    }
}
