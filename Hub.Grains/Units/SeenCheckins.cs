namespace Hub.Grains.Units;

/// <summary>
/// The check-in ids a grid remembers so that a resend is a duplicate: those of the last days, and
/// never more than <see cref="MaxRemembered"/>, the oldest days forgotten first. Every id is in
/// the grid's stored state, written with each batch, so the count bounds each write too.
/// </summary>
public static class SeenCheckins
{
    /// <summary>Ten workers checking in a hundred times a day for a week is 7,000.</summary>
    public const int MaxRemembered = 20_000;

    /// <summary>Forgets ids of days before <paramref name="oldest"/>, then the oldest days' until at most <paramref name="max"/> remain.</summary>
    public static void Bound(Dictionary<string, DateOnly> seen, DateOnly oldest, int max = MaxRemembered)
    {
        foreach (var id in seen.Where(kv => kv.Value < oldest).Select(kv => kv.Key).ToList())
        {
            seen.Remove(id);
        }
        var excess = seen.Count - max;
        if (excess > 0)
        {
            foreach (var id in seen.OrderBy(kv => kv.Value).Take(excess).Select(kv => kv.Key).ToList())
            {
                seen.Remove(id);
            }
        }
    }
}
