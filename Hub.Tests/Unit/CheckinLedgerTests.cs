using Hub.Grains.Units;

namespace Hub.Tests.Unit;

public class CheckinLedgerTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    [Fact]
    public void A_remembered_id_is_known_and_a_new_one_is_not()
    {
        var ledger = new CheckinLedger();
        ledger.Add("c-1", Today);
        Assert.True(ledger.Contains("c-1"));
        Assert.False(ledger.Contains("c-2"));
        Assert.False(ledger.Contains("C-1"));
    }

    [Fact]
    public void Ids_of_days_older_than_the_window_are_forgotten()
    {
        var ledger = new CheckinLedger();
        ledger.Add("a", Today.AddDays(-8));
        ledger.Add("b", Today.AddDays(-7));
        ledger.Add("c", Today);
        ledger.Forget(Today.AddDays(-7));
        Assert.Equal((false, true, true), (ledger.Contains("a"), ledger.Contains("b"), ledger.Contains("c")));
    }

    [Fact]
    public void Past_the_cap_the_oldest_days_go_first_and_the_newest_is_cut_to_exactly_the_cap()
    {
        var ledger = new CheckinLedger();
        for (var i = 0; i < 10; i++)
        {
            ledger.Add($"old-{i}", Today.AddDays(-3));
            ledger.Add($"mid-{i}", Today.AddDays(-1));
            ledger.Add($"new-{i}", Today);
        }
        ledger.Forget(Today.AddDays(-7), max: 20);
        Assert.Equal(20, ledger.Count);
        Assert.All(Enumerable.Range(0, 10), i => Assert.True(ledger.Contains($"new-{i}") && ledger.Contains($"mid-{i}") && !ledger.Contains($"old-{i}")));
        ledger.Forget(Today.AddDays(-7), max: 20);
        Assert.Equal(20, ledger.Count); // at the cap: nothing more goes
        ledger.Forget(Today.AddDays(-7), max: 6);
        Assert.Equal(6, ledger.Count); // one day left, cut down rather than forgotten
    }

    [Fact]
    public void What_is_packed_for_storage_reads_back_the_same()
    {
        var ledger = new CheckinLedger();
        for (var i = 0; i < 500; i++)
        {
            ledger.Add($"id-{i}", Today.AddDays(-(i % 3)));
        }
        ledger.Pack();
        Assert.Equal(500 * sizeof(ulong), ledger.Packed.Values.Sum(b => b.Length));
        var stored = new CheckinLedger { Packed = ledger.Packed.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray()) };
        Assert.Equal(500, stored.Count);
        Assert.True(Enumerable.Range(0, 500).All(i => stored.Contains($"id-{i}")));
        Assert.False(stored.Contains("id-500"));
    }
}
