namespace Hub.Silo.Storage;

/// <summary>Removes history older than the retention allows (never an active alert).</summary>
public interface IHistoryRetention
{
    /// <summary>Removes what belongs to days before <paramref name="before"/>, <paramref name="batch"/> rows at a time; how many rows went.</summary>
    Task<int> Prune(DateOnly before, int batch, CancellationToken cancellationToken = default);
}
