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
        Assert.Empty(ledger.Full()); // 167 a day at most: nothing to seal yet
        ledger.Pack();
        Assert.Equal(500 * sizeof(ulong), ledger.Packed.Values.Sum(b => b.Length));
        var stored = new CheckinLedger { Packed = ledger.Packed.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray()) };
        Assert.Equal(500, stored.Count);
        Assert.True(Enumerable.Range(0, 500).All(i => stored.Contains($"id-{i}")));
        Assert.False(stored.Contains("id-500"));
    }

    [Fact]
    public void A_day_past_a_block_seals_it_apart_and_the_state_keeps_only_the_rest()
    {
        var ledger = new CheckinLedger();
        for (var i = 0; i < CheckinLedger.BlockSize - 1; i++)
        {
            ledger.Add($"id-{i}", Today);
        }
        Assert.Empty(ledger.Full()); // one short of a block
        ledger.Add($"id-{CheckinLedger.BlockSize - 1}", Today);
        for (var i = CheckinLedger.BlockSize; i < 600; i++)
        {
            ledger.Add($"id-{i}", Today);
        }

        var full = ledger.Full();
        Assert.Equal(2, full.Count); // 600 = 2 × 256 + 88
        Assert.Equal(2, ledger.Full().Count); // asking again changes nothing, under new keys
        Assert.NotEqual(full[0].Key, ledger.Full()[0].Key);
        Assert.Empty(ledger.Sealed);
        ledger.Seal(full);
        ledger.Pack();
        Assert.Equal(full.Select(b => b.Key), ledger.Sealed[Today]);
        Assert.Equal(88 * sizeof(ulong), ledger.Packed[Today].Length);
        Assert.Equal(600, ledger.Count);
        Assert.True(Enumerable.Range(0, 600).All(i => ledger.Contains($"id-{i}")));
        Assert.Empty(ledger.Full());
    }

    [Fact]
    public void A_busy_day_sealed_block_by_block_while_answering_knows_every_id_and_no_other()
    {
        var ledger = new CheckinLedger();
        var ids = Enumerable.Range(0, 5 * CheckinLedger.BlockSize + 17).Select(i => $"busy-{i * 7919 % 10_007}").ToList();
        foreach (var (id, at) in ids.Select((id, at) => (id, at)))
        {
            Assert.False(ledger.Contains(id)); // asked before each add, as a grid does: the sealed part is built early
            ledger.Add(id, Today);
            if (ledger.Full() is { Count: > 0 } full)
            {
                ledger.Seal(full);
                Assert.True(ids.Take(at + 1).All(ledger.Contains), $"after sealing at {at}");
            }
        }
        Assert.Equal(5, ledger.Sealed[Today].Length);
        Assert.True(ids.All(ledger.Contains));
        Assert.DoesNotContain(Enumerable.Range(0, 500), i => ledger.Contains($"other-{i}"));
    }

    [Fact]
    public void A_stored_ledger_knows_its_sealed_ids_once_its_blocks_are_read()
    {
        var ledger = new CheckinLedger();
        for (var i = 0; i < 700; i++)
        {
            ledger.Add($"id-{i}", Today);
        }
        var full = ledger.Full();
        ledger.Seal(full);
        ledger.Pack();

        var stored = new CheckinLedger { Packed = ledger.Packed, Sealed = ledger.Sealed };
        Assert.Equal(full.Select(b => b.Key), stored.Unread);
        Assert.True(stored.Contains("id-699")); // open: in the state itself
        Assert.False(stored.Contains("id-0")); // sealed, not read yet
        foreach (var block in full)
        {
            stored.Read(block.Key, new CheckinBlock { Prints = block.Block.Prints.ToArray() });
        }
        Assert.Empty(stored.Unread);
        Assert.True(Enumerable.Range(0, 700).All(i => stored.Contains($"id-{i}")));
        Assert.False(stored.Contains("id-700"));
    }

    [Fact]
    public void Blocks_of_forgotten_days_are_handed_over_for_removal_once()
    {
        var ledger = new CheckinLedger();
        for (var i = 0; i < 300; i++)
        {
            ledger.Add($"old-{i}", Today.AddDays(-8));
            ledger.Add($"new-{i}", Today);
        }
        var full = ledger.Full();
        ledger.Seal(full);
        ledger.Forget(Today.AddDays(-7));
        var old = full.Single(b => b.Day == Today.AddDays(-8)).Key;
        Assert.Equal([old], ledger.TakeForgotten());
        Assert.Empty(ledger.TakeForgotten());
        Assert.Equal(300, ledger.Count);
        Assert.False(ledger.Contains("old-299"));
        Assert.True(ledger.Contains("new-0") && ledger.Contains("new-299"));
    }

    [Fact]
    public void Past_the_cap_the_newest_day_loses_its_oldest_blocks_whole()
    {
        var ledger = new CheckinLedger();
        for (var i = 0; i < 3 * CheckinLedger.BlockSize + 10; i++)
        {
            ledger.Add($"id-{i}", Today);
        }
        var full = ledger.Full();
        ledger.Seal(full);
        ledger.Forget(Today.AddDays(-7), max: 2 * CheckinLedger.BlockSize + 10); // one block over
        Assert.Equal(2 * CheckinLedger.BlockSize + 10, ledger.Count);
        Assert.Equal([full[0].Key], ledger.TakeForgotten());
        Assert.False(ledger.Contains("id-0"));
        Assert.True(ledger.Contains($"id-{CheckinLedger.BlockSize}"));
        ledger.Forget(Today.AddDays(-7), max: 2 * CheckinLedger.BlockSize + 9); // one over: a whole block goes
        Assert.Equal(CheckinLedger.BlockSize + 10, ledger.Count);
    }

    [Fact]
    public void Days_before_the_newest_hold_their_sealed_ids_once_and_the_newest_can_still_be_cut_by_block()
    {
        var ledger = new CheckinLedger();
        var yesterday = Today.AddDays(-1);
        for (var i = 0; i < 2 * CheckinLedger.BlockSize; i++)
        {
            ledger.Add($"y-{i}", yesterday);
        }
        ledger.Seal(ledger.Full());
        Assert.True(ledger.Contains("y-0"));
        Assert.Equal(2, ledger.BlocksHeld); // yesterday is still the newest day

        for (var i = 0; i < 3 * CheckinLedger.BlockSize; i++)
        {
            ledger.Add($"t-{i}", Today);
        }
        ledger.Seal(ledger.Full());
        ledger.Forget(Today.AddDays(-7));
        Assert.Equal(3, ledger.BlocksHeld); // today's three; yesterday's ids are in its array alone
        Assert.True(Enumerable.Range(0, 2 * CheckinLedger.BlockSize).All(i => ledger.Contains($"y-{i}")));

        ledger.Forget(Today.AddDays(-7), max: (2 * CheckinLedger.BlockSize) + 1); // over the cap: yesterday goes whole, then today's oldest block
        Assert.Equal([false, false, true, true], new[] { "y-5", $"t-{CheckinLedger.BlockSize - 1}", $"t-{CheckinLedger.BlockSize}", $"t-{(3 * CheckinLedger.BlockSize) - 1}" }.Select(ledger.Contains));
        Assert.Equal(2 * CheckinLedger.BlockSize, ledger.Count);
        Assert.DoesNotContain(Enumerable.Range(0, 300), i => ledger.Contains($"other-{i}"));
    }

    [Fact]
    public void A_block_keeps_its_fingerprints_in_ascending_order_and_reads_them_back()
    {
        var prints = Enumerable.Range(0, 256).Select(i => (ulong)i * 7_919_000_003UL + 11).Append(ulong.MaxValue).Append(0UL).ToArray();
        var block = CheckinBlock.Of(prints.Reverse());
        Assert.Equal(258, block.Count);
        Assert.Equal(prints.Order(), CheckinBlock.Unpack(block.Prints));
        Assert.Empty(CheckinBlock.Unpack(new CheckinBlock().Prints));
    }
}
