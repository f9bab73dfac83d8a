namespace Hub.Grains.History;

/// <summary>
/// Every accepted check-in, for the figures of past days. Recording the same (grid, id) twice keeps
/// one. Rows reach it with the grid states that counted them (<see cref="IJournaledState"/>).
/// </summary>
public interface ICheckinJournal
{
    /// <summary>Durable when it returns.</summary>
    Task Record(IReadOnlyList<CheckinRecord> checkins, CancellationToken cancellationToken = default);
}
