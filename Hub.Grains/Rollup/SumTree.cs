using System.Numerics;

namespace Hub.Grains.Rollup;

/// <summary>
/// The total of a fixed number of slots under an associative sum, kept as slots change: setting a
/// slot adds again only the sums on its way to the root (log₂ n of them), not all n slots.
/// </summary>
public sealed class SumTree<T>
{
    private readonly T[] _nodes; // node i sums nodes 2i and 2i + 1; the slots are the leaves from _leaves on
    private readonly int _leaves;
    private readonly Func<T, T, T> _plus;

    public SumTree(int slots, T zero, Func<T, T, T> plus)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(slots);
        Slots = slots;
        _leaves = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(slots, 1));
        _nodes = new T[2 * _leaves];
        Array.Fill(_nodes, zero);
        _plus = plus;
    }

    public int Slots { get; }

    public T Total => _nodes[1];

    public void Set(int slot, T value)
    {
        var at = _leaves + Checked(slot);
        _nodes[at] = value;
        for (at /= 2; at >= 1; at /= 2)
        {
            _nodes[at] = _plus(_nodes[2 * at], _nodes[(2 * at) + 1]);
        }
    }

    private int Checked(int slot)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(slot);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(slot, Slots);
        return slot;
    }
}
