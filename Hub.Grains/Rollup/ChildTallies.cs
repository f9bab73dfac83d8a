using Hub.Grains.Model;
using Hub.Grains.Units;

namespace Hub.Grains.Rollup;

/// <summary>
/// An area's children's latest tallies and their sum, kept as reports arrive: a newer report
/// replaces its child's tally and adds again only the partial sums that hold it
/// (<see cref="SumTree{T}"/>), so a report costs about the same under a street of 10 communities as
/// under a city of 60 districts. A child's figures of a day before today count for nothing today;
/// when the day turns the sum is taken again whole, once.
/// </summary>
public sealed class ChildTallies
{
    private readonly Dictionary<string, int> _slots;
    private readonly VersionedTally?[] _latest;
    private SumTree<UnitTally> _sum;
    private DateOnly _day;

    public ChildTallies(IReadOnlyList<string> children, DateOnly today)
    {
        _slots = new Dictionary<string, int>(children.Count, StringComparer.Ordinal);
        foreach (var child in children)
        {
            _slots.TryAdd(child, _slots.Count);
        }
        _latest = new VersionedTally?[_slots.Count];
        _day = today;
        _sum = Empty(today);
    }

    /// <summary>The children, in the order of their slots.</summary>
    public IReadOnlyCollection<string> Codes => _slots.Keys;

    /// <summary>The same children as <paramref name="children"/>, keeping what was known of those that stay.</summary>
    public ChildTallies Reshaped(IReadOnlyList<string> children, DateOnly today)
    {
        var next = new ChildTallies(children, today);
        foreach (var (child, slot) in _slots)
        {
            if (_latest[slot] is { } known)
            {
                next.Offer(child, known, today);
            }
        }
        return next;
    }

    /// <summary>Keeps <paramref name="tally"/> if it is a child's and newer than what is known of it.</summary>
    /// <returns>Whether it was kept.</returns>
    public bool Offer(string child, VersionedTally tally, DateOnly today)
    {
        if (!_slots.TryGetValue(child, out var slot) || _latest[slot] is { } known && known.Version >= tally.Version)
        {
            return false;
        }
        _latest[slot] = tally;
        if (today != _day)
        {
            Refill(today);
        }
        else
        {
            _sum.Set(slot, TallyMath.Counted(tally.Tally, today));
        }
        return true;
    }

    /// <summary>The child's latest tally, empty when it has not reported.</summary>
    public UnitTally Of(string child, DateOnly today) =>
        _slots.TryGetValue(child, out var slot) && _latest[slot] is { } known ? known.Tally : UnitTally.Empty(today);

    /// <summary>The sum of the children's latest tallies, with today's figures of those that reported today.</summary>
    public UnitTally Sum(DateOnly today)
    {
        if (today != _day)
        {
            Refill(today);
        }
        return _sum.Total;
    }

    private void Refill(DateOnly today)
    {
        _day = today;
        _sum = Empty(today);
        for (var slot = 0; slot < _latest.Length; slot++)
        {
            if (_latest[slot] is { } known)
            {
                _sum.Set(slot, TallyMath.Counted(known.Tally, today));
            }
        }
    }

    private SumTree<UnitTally> Empty(DateOnly today) => new(_latest.Length, UnitTally.Empty(today), TallyMath.Plus);
}
