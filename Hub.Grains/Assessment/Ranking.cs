namespace Hub.Grains.Assessment;

/// <summary>
/// Ranks by score, highest first; equal scores share a rank (1, 2, 2, 4); the unscored come last,
/// unranked. Ties are listed in code order, so the table reads the same every time.
/// </summary>
public static class Ranking
{
    public static IReadOnlyList<T> Of<T>(IEnumerable<T> rows, Func<T, double?> score, Func<T, string> code, Func<T, int?, T> ranked)
    {
        var ordered = rows.OrderByDescending(r => score(r) ?? double.MinValue).ThenBy(code, StringComparer.Ordinal).ToArray();
        var result = new T[ordered.Length];
        int? previous = null;
        for (var i = 0; i < ordered.Length; i++)
        {
            var rank = score(ordered[i]) is null ? (int?)null
                : i > 0 && score(ordered[i]) == score(ordered[i - 1]) ? previous : i + 1;
            result[i] = ranked(ordered[i], rank);
            previous = rank;
        }
        return result;
    }
}
