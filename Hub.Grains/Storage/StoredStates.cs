using Orleans.Storage;

namespace Hub.Grains.Storage;

/// <summary>States the hub keeps through <see cref="IGrainStorage"/> directly, outside any grain's own state (topology pieces, check-in blocks).</summary>
public static class StoredStates
{
    /// <summary>Removes a stored state; one already gone is skipped. Clearing needs the stored version, so it is read first.</summary>
    public static async Task ClearIfStored<T>(this IGrainStorage storage, string stateName, GrainId id)
        where T : new()
    {
        var state = new GrainState<T>(new T());
        await storage.ReadStateAsync(stateName, id, state);
        if (state.RecordExists)
        {
            await storage.ClearStateAsync(stateName, id, state);
        }
    }
}
