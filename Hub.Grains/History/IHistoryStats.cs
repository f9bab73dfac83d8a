namespace Hub.Grains.History;

/// <summary>Counts over past hours and whole past days from durable history (API.md §6 <c>/stats</c>, §8 charts).</summary>
public interface IHistoryStats
{
    /// <summary>The clock hours from <paramref name="firstHour"/> up to, not including, <paramref name="until"/> that have any history in the subtree of <paramref name="unit"/>.</summary>
    Task<IReadOnlyList<HourHistory>> Hours(string unit, DateTimeOffset firstHour, DateTimeOffset until, CancellationToken cancellationToken = default);

    /// <summary>The days of [<paramref name="firstDay"/>, <paramref name="lastDay"/>] that have any history in the subtree of <paramref name="unit"/>.</summary>
    Task<IReadOnlyList<DayHistory>> Days(string unit, DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken = default);

    /// <summary>Patrol visits per target and day in the subtree of <paramref name="unit"/> over [<paramref name="firstDay"/>, <paramref name="lastDay"/>] (days with none left out).</summary>
    Task<IReadOnlyList<PatrolVisits>> PatrolVisits(string unit, DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken = default);
}
