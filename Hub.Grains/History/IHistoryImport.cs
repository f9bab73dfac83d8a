using Hub.Grains.Alerts;

namespace Hub.Grains.History;

/// <summary>
/// Brings a finished history into the store whole or not at all: every record is written in one
/// go (one transaction), and one already there (by its id) is kept as it is.
/// </summary>
public interface IHistoryImport
{
    /// <param name="written">Called as records are written, with the count so far.</param>
    /// <returns>How many of the cases were new.</returns>
    Task<int> ImportCases(IAsyncEnumerable<AlertSummary> cases, Action<int>? written = null, CancellationToken cancellationToken = default);

    /// <returns>How many of the visits were new.</returns>
    Task<int> ImportPatrols(IAsyncEnumerable<CheckinRecord> visits, Action<int>? written = null, CancellationToken cancellationToken = default);
}
