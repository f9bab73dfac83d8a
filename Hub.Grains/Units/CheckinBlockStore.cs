using Hub.Grains.Storage;
using Orleans.Storage;

namespace Hub.Grains.Units;

/// <summary>
/// Keeps the sealed check-in blocks of grids in the hub's grain storage, one stored row per block
/// under its grid and key (<see cref="CheckinLedger"/>). Keys are never reused, so a block is only
/// ever written once and read back as written.
/// </summary>
public sealed class CheckinBlockStore(IGrainStorage storage)
{
    private const string StateName = "checkin-block";

    public Task Write(string grid, IReadOnlyList<SealedBlock> blocks) =>
        Task.WhenAll(blocks.Select(b => storage.WriteStateAsync(StateName, Id(grid, b.Key), new GrainState<CheckinBlock>(b.Block))));

    /// <returns>The blocks found, by key; a key not stored is left out.</returns>
    public async Task<IReadOnlyList<(string Key, CheckinBlock Block)>> Read(string grid, IReadOnlyList<string> keys)
    {
        var read = await Task.WhenAll(keys.Select(async key =>
        {
            var state = new GrainState<CheckinBlock>(new CheckinBlock());
            await storage.ReadStateAsync(StateName, Id(grid, key), state);
            return (key, state.RecordExists ? state.State : null);
        }));
        return read.Where(r => r.Item2 is not null).Select(r => (r.key, r.Item2!)).ToArray();
    }

    /// <summary>Removes blocks no stored state names any more; one already gone is skipped.</summary>
    public Task Clear(string grid, IReadOnlyList<string> keys) =>
        Task.WhenAll(keys.Select(key => storage.ClearIfStored<CheckinBlock>(StateName, Id(grid, key))));

    private static GrainId Id(string grid, string key) => GrainId.Create("hub-checkin-block", $"{grid}/{key}");
}
