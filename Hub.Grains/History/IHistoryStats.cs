namespace Hub.Grains.History;

/// <summary>Counts over whole past days from durable history (API.md §6 <c>/stats</c>).</summary>
public interface IHistoryStats
{
    /// <summary>The days of [<paramref name="firstDay"/>, <paramref name="lastDay"/>] that have any history in the subtree of <paramref name="unit"/>.</summary>
    Task<IReadOnlyList<DayHistory>> Days(string unit, DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken = default);
}
