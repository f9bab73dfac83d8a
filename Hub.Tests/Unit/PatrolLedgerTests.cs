using Hub.Grains.Model;
using Hub.Grains.Units;

namespace Hub.Tests.Unit;

/// <summary>A grid's patrol record, driven without a silo: which check-ins are new, what they count toward, what ages out.</summary>
public class PatrolLedgerTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);
    private static readonly DateTimeOffset Noon = new(2026, 12, 2, 12, 0, 0, TimeSpan.FromHours(8));

    private static readonly int[] Ages = [32, 31, 8, 7];

    private static CheckinReport Patrol(string? id, string unit, DateTimeOffset at) => new(id, "W-1", unit, CheckinKind.Patrol, at, null, null);

    [Fact]
    public void Of_two_groups_carrying_one_id_the_first_counts_it_and_ids_seen_before_are_duplicates()
    {
        var ledger = new PatrolLedger(new GridState());
        ledger.Count(Patrol("seen", "B1", Noon), Today, "B1");
        ledger.Confirmed();
        var (fresh, results) = ledger.New([
            [Patrol("a", "B1", Noon), Patrol("seen", "B1", Noon), Patrol("a", "B2", Noon)],
            [Patrol("a", "B1", Noon), Patrol("b", "B1", Noon), Patrol(null, "B1", Noon), Patrol(null, "B1", Noon)],
        ]);
        Assert.Equal(["a", "b", null, null], fresh.Select(c => c.Id));
        Assert.Equal([new CheckinResult(1, 2), new CheckinResult(3, 1)], results);
    }

    [Fact]
    public void A_patrol_off_its_place_counts_as_a_visit_and_apart_as_off_place()
    {
        var ledger = new PatrolLedger(new GridState());
        ledger.Count(Patrol("on", "B1", Noon), Today, "B1");
        ledger.Count(Patrol("off", "B1", Noon), Today, "B1", offPlace: true);
        ledger.Count(Patrol("off2", "B2", Noon), Today, "B2", offPlace: true);

        Assert.Equal(2, ledger.VisitsTo("B1", Today));
        Assert.Equal((1, 2, 0), (ledger.OffPlaceOn(Today, ["B1"]), ledger.OffPlaceOn(Today, ["B1", "B2"]), ledger.OffPlaceOn(Today.AddDays(-1), ["B1", "B2"])));
    }

    [Fact]
    public void A_check_in_counted_by_a_refused_call_is_accepted_when_resent_until_a_write_stores_it()
    {
        var ledger = new PatrolLedger(new GridState());
        var (fresh, _) = ledger.New([[Patrol("x", "B1", Noon)]]);
        ledger.Count(fresh[0], Today, "B1"); // the write after this fails: the caller hears 503

        var (again, answer) = ledger.New([[Patrol("x", "B1", Noon)], [Patrol("x", "B1", Noon)]]);
        Assert.Empty(again); // not counted a second time
        Assert.Equal([new CheckinResult(1, 0), new CheckinResult(0, 1)], answer);

        ledger.Confirmed(); // the resend's write stored it
        Assert.Equal(new CheckinResult(0, 1), ledger.New([[Patrol("x", "B1", Noon)]]).Results[0]);
        Assert.Equal(1, ledger.CheckinsOn(Today, ["B1"]));
    }

    [Fact]
    public void A_check_in_counts_toward_its_day_its_unit_and_a_patrol_toward_its_target_and_latest_patrol()
    {
        var ledger = new PatrolLedger(new GridState());
        ledger.Count(Patrol("1", "B1", Noon), Today, "B1");
        ledger.Count(Patrol("2", "B1", Noon.AddHours(-2)), Today, "B1"); // older: counts, does not move the latest
        ledger.Count(new CheckinReport("3", "W-1", "G", CheckinKind.Start, Noon.AddHours(1), null, null), Today, null);
        ledger.Count(Patrol("4", "B2", Noon.AddDays(-1)), Today.AddDays(-1), "B2");

        Assert.Equal(3, ledger.CheckinsOn(Today, ["B1", "B2", "G"]));
        Assert.Equal(2, ledger.CheckinsOn(Today, ["B1"]));
        Assert.Equal(1, ledger.CheckinsOn(Today.AddDays(-1), ["B2"]));
        Assert.Equal((2, 0, 1), (ledger.VisitsTo("B1", Today), ledger.VisitsTo("B2", Today), ledger.VisitsTo("B2", Today.AddDays(-1))));
        Assert.Equal(Noon, ledger.LastPatrol(["B1", "G"]));
        Assert.Equal(Noon.AddHours(1), ledger.LastCheckin(["B1", "G"]));
        Assert.Null(ledger.LastPatrol(["G"])); // a start is a check-in, not a patrol
        Assert.True(ledger.Seen.Contains("4"));
    }

    [Fact]
    public void Ids_go_after_seven_days_and_figures_after_thirty_one()
    {
        var state = new GridState();
        var ledger = new PatrolLedger(state);
        foreach (var age in Ages)
        {
            ledger.Count(Patrol($"age-{age}", "B1", Noon.AddDays(-age)), Today.AddDays(-age), "B1");
        }
        ledger.Prune(Today);
        Assert.Equal([false, false, false, true], Ages.Select(age => ledger.Seen.Contains($"age-{age}")));
        Assert.Equal([0, 1, 1, 1], Ages.Select(age => ledger.VisitsTo("B1", Today.AddDays(-age))));

        // Figures go once a day: a day that ages out later the same day stays until the next.
        ledger.Count(Patrol("late", "B1", Noon.AddDays(-40)), Today.AddDays(-40), "B1");
        ledger.Prune(Today);
        Assert.Equal(1, ledger.VisitsTo("B1", Today.AddDays(-40)));
        ledger.Prune(Today.AddDays(1));
        Assert.Equal(0, ledger.VisitsTo("B1", Today.AddDays(-40)));
        Assert.Equal(0, ledger.VisitsTo("B1", Today.AddDays(-31)));
        Assert.Equal(1, ledger.VisitsTo("B1", Today.AddDays(-8)));
    }
}
