namespace Hub.Grains.History;

/// <summary>Every accepted check-in, for the figures of past days. Recording the same (grid, id) twice keeps one.</summary>
public interface ICheckinJournal
{
    /// <summary>Durable when it returns; many callers' records may share one commit.</summary>
    Task Record(IReadOnlyList<CheckinRecord> checkins, CancellationToken cancellationToken = default);
}
