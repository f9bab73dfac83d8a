using Hub.Grains.Model;

namespace Hub.Grains.Units;

/// <summary>
/// A grid (网格): the durable leaf. Holds its workers' duty, today's patrols of its buildings,
/// and the alerts on the grid and its buildings.
/// </summary>
[Alias("hub.IGridGrain")]
public interface IGridGrain : IUnitGrain
{
    /// <summary>Applies one batch of check-ins for this grid's workers (validated by the caller).</summary>
    /// <remarks>Batches are made for the call and never changed after: passed without a defensive copy.</remarks>
    [Alias("checkins")]
    Task<CheckinResult> ApplyCheckins([Immutable] IReadOnlyList<CheckinReport> checkins);

    /// <summary>
    /// Applies the check-ins of several requests at once — one history record, one state write —
    /// and answers each group apart, in the order given (<see cref="Ingest.GridInbox"/>).
    /// </summary>
    [Alias("checkin-groups")]
    [return: Immutable]
    Task<CheckinResult[]> ApplyCheckinGroups([Immutable] IReadOnlyList<IReadOnlyList<CheckinReport>> groups);
}

[GenerateSerializer, Immutable, Alias("hub.checkin-result")]
public sealed record CheckinResult(int Accepted, int Duplicates)
{
    public static readonly CheckinResult None = new(0, 0);

    public static CheckinResult operator +(CheckinResult a, CheckinResult b) => new(a.Accepted + b.Accepted, a.Duplicates + b.Duplicates);
}
