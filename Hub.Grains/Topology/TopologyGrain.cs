using Hub.Grains.Storage;
using Hub.Grains.Units;

namespace Hub.Grains.Topology;

public sealed class TopologyGrain(
    [PersistentState("topology", HubStorage.Name)] IPersistentState<TopologyState> state,
    TopologyCatalog catalog) : Grain, ITopologyGrain
{
    private const int ResyncWave = 256;

    public async Task<TopologyReplaceResult> Replace(TopologyDocument document)
    {
        var errors = TopologyValidator.Validate(document);
        if (errors.Count > 0)
        {
            return new TopologyReplaceResult(state.State.Version, errors);
        }
        if (state.State.Version > 0 && SameAs(state.State.Document, document))
        {
            return new TopologyReplaceResult(state.State.Version, []);
        }
        var previous = catalog.Current;
        var kept = state.State;
        state.State = new TopologyState { Version = kept.Version + 1, Document = document };
        try
        {
            await Durably.Write(this, state.WriteStateAsync);
        }
        catch (StorageUnavailableException)
        {
            state.State = kept;
            throw;
        }
        var index = new TopologyIndex(document, state.State.Version);
        catalog.Offer(index);
        await ResyncUnits(previous, index);
        return new TopologyReplaceResult(index.Version, []);
    }

    public Task<TopologySnapshot> Read() => Task.FromResult(new TopologySnapshot(state.State.Version, state.State.Document));

    public Task<long> GetVersion() => Task.FromResult(state.State.Version);

    private static bool SameAs(TopologyDocument a, TopologyDocument b) =>
        a.Units.SequenceEqual(b.Units) && a.Workers.SequenceEqual(b.Workers) && a.Devices.SequenceEqual(b.Devices);

    // Units count from the topology they see, so each one (old or new) re-reports once: a moved
    // grid reaches its new parent, a parent drops a child that left, totals of workers follow.
    private async Task ResyncUnits(TopologyIndex previous, TopologyIndex current)
    {
        var holders = previous.Units.Concat(current.Units)
            .Where(u => u.Level is not (Model.UnitLevel.Microgrid or Model.UnitLevel.Building)) // their grid holds them
            .Select(u => u.Code)
            .Distinct(StringComparer.Ordinal)
            .Select(code => UnitGrains.Holder(GrainFactory, current, code) ?? UnitGrains.Holder(GrainFactory, previous, code))
            .OfType<IUnitGrain>()
            .ToList();
        foreach (var wave in holders.Chunk(ResyncWave))
        {
            await Task.WhenAll(wave.Select(h => h.Resync()));
        }
    }
}
