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
        var remaining = document.Units.Select(u => u.Code).ToHashSet(StringComparer.Ordinal);
        state.State = new TopologyState
        {
            Version = kept.Version + 1,
            Document = document,
            Plans = kept.Plans.Where(p => remaining.Contains(p.Key)).ToDictionary(StringComparer.Ordinal),
        };
        try
        {
            await Durably.Write(this, state.WriteStateAsync);
        }
        catch (StorageUnavailableException)
        {
            state.State = kept;
            throw;
        }
        var index = new TopologyIndex(document, state.State.Version, state.State.Plans);
        catalog.Offer(index);
        await ResyncUnits(previous, index);
        return new TopologyReplaceResult(index.Version, []);
    }

    public async Task<long> SetPlan(string unit, Patrol.PatrolPlan? plan)
    {
        if (state.State.Plans.GetValueOrDefault(unit) == plan)
        {
            return state.State.Version;
        }
        var previous = catalog.Current;
        var kept = state.State;
        var plans = new Dictionary<string, Patrol.PatrolPlan>(kept.Plans, StringComparer.Ordinal);
        if (plan is null)
        {
            plans.Remove(unit);
        }
        else
        {
            plans[unit] = plan;
        }
        state.State = new TopologyState { Version = kept.Version + 1, Document = kept.Document, Plans = plans };
        try
        {
            await Durably.Write(this, state.WriteStateAsync);
        }
        catch (StorageUnavailableException)
        {
            state.State = kept;
            throw;
        }
        var index = new TopologyIndex(kept.Document, state.State.Version, plans);
        catalog.Offer(index);
        // Only the grids below the unit count patrols; they re-report, and their ancestors follow.
        var below = index.Units.Where(u => u.Level == Model.UnitLevel.Grid && u.Path.Contains(unit, StringComparer.Ordinal)).Select(u => u.Code).ToList();
        foreach (var wave in below.Chunk(ResyncWave))
        {
            await Task.WhenAll(wave.Select(code => GrainFactory.GetGrain<IGridGrain>(code).Resync()));
        }
        return index.Version;
    }

    public Task<TopologySnapshot> Read() => Task.FromResult(new TopologySnapshot(state.State.Version, state.State.Document, state.State.Plans));

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
