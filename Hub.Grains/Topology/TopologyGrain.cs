using Hub.Grains.Storage;
using Hub.Grains.Units;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace Hub.Grains.Topology;

/// <summary>
/// Keeps the topology's manifest (version, where its pieces are, patrol plans) and its pieces. A
/// replace arrives in pieces, is validated whole, stored piece by piece under a new id, and becomes
/// current when the manifest naming that id is written; the pieces it replaced are removed after.
/// </summary>
public sealed class TopologyGrain(
    [PersistentState("topology", HubStorage.Name)] IPersistentState<TopologyState> state,
    [FromKeyedServices(HubStorage.Name)] IGrainStorage storage,
    TopologyCatalog catalog,
    ILogger<TopologyGrain> logger) : Grain, ITopologyGrain
{
    private const int ResyncWave = 256;

    /// <summary>
    /// A city's replace answers once its units have re-reported (a few seconds at most); a
    /// province's would run past the call's time limit, so its units re-report after the answer.
    /// </summary>
    private const int AnsweredAfterResync = 20_000;

    private Task _resync = Task.CompletedTask;

    /// <summary>How long the pieces of an upload that was never committed are kept.</summary>
    private static readonly TimeSpan UploadAbandonedAfter = TimeSpan.FromMinutes(10);

    private readonly TopologyPieceStore _pieces = new(storage);
    private readonly Dictionary<Guid, Upload> _uploads = [];

    public Task Stage(Guid upload, int index, TopologyDocument piece)
    {
        var now = DateTimeOffset.UtcNow;
        foreach (var abandoned in _uploads.Where(u => now - u.Value.LastAt > UploadAbandonedAfter).Select(u => u.Key).ToList())
        {
            _uploads.Remove(abandoned);
        }
        if (!_uploads.TryGetValue(upload, out var staged))
        {
            _uploads[upload] = staged = new Upload();
        }
        staged.Pieces[index] = piece;
        staged.LastAt = now;
        return Task.CompletedTask;
    }

    public async Task<TopologyReplaceResult> Commit(Guid upload, int pieces, string? source)
    {
        if (!_uploads.Remove(upload, out var staged) || staged.Pieces.Count != pieces || Enumerable.Range(0, pieces).Any(i => !staged.Pieces.ContainsKey(i)))
        {
            return new TopologyReplaceResult(state.State.Version, [$"the upload has {staged?.Pieces.Count ?? 0} of its {pieces} pieces; send it again"]);
        }
        // Stored as they came: a province is not cut a second time.
        TopologyDocument[] cut = [.. Enumerable.Range(0, pieces).Select(i => staged.Pieces[i])];
        var document = TopologyPieces.Join(cut);
        staged.Pieces.Clear();
        var errors = TopologyValidator.Validate(document);
        if (errors.Count > 0)
        {
            return new TopologyReplaceResult(state.State.Version, errors);
        }
        if (state.State.Version > 0 && SameAs(await Current(), document))
        {
            if (source is not null && source != state.State.Source)
            {
                await Remember(source);
            }
            return new TopologyReplaceResult(state.State.Version, []);
        }
        var previous = catalog.Current;
        var kept = state.State;
        var set = Guid.NewGuid().ToString("N");
        var remaining = document.Units.Select(u => u.Code).ToHashSet(StringComparer.Ordinal);
        await Durably.Write(this, () => _pieces.Write(set, cut));
        await Store(new TopologyState
        {
            Version = kept.Version + 1,
            PieceSet = set,
            Pieces = cut.Length,
            Source = source,
            Plans = kept.Plans.Where(p => remaining.Contains(p.Key)).ToDictionary(StringComparer.Ordinal),
        });
        var index = new TopologyIndex(document, state.State.Version, state.State.Plans);
        catalog.Offer(index);
        if (kept.PieceSet is { } replaced)
        {
            // What no manifest names any more. The replace has taken effect: a failure here leaves rows behind, not a wrong answer.
            try
            {
                await _pieces.Clear(replaced, kept.Pieces);
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "The pieces of topology version {Version} were not all removed", kept.Version);
            }
        }
        var holders = Holders(previous, index);
        var resync = _resync = Resync(_resync, holders);
        if (holders.Count <= AnsweredAfterResync)
        {
            await resync;
        }
        else
        {
            logger.LogInformation("Topology version {Version}: {Holders} units re-report after the answer", index.Version, holders.Count);
        }
        return new TopologyReplaceResult(index.Version, []);
    }

    public async Task<long> SetPlan(string unit, Patrol.PatrolPlan? plan)
    {
        if (state.State.Plans.GetValueOrDefault(unit) == plan)
        {
            return state.State.Version;
        }
        var previous = catalog.Current;
        var document = await Current();
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
        // The pieces do not change: the new version names the same ones.
        var next = kept.Copy();
        (next.Version, next.Plans) = (kept.Version + 1, plans);
        await Store(next);
        var index = new TopologyIndex(document, state.State.Version, plans);
        catalog.Offer(index);
        // Only the grids below the unit count patrols; they re-report, and their ancestors follow.
        var below = index.Units.Where(u => u.Level == Model.UnitLevel.Grid && u.Path.Contains(unit, StringComparer.Ordinal)).Select(u => u.Code).ToList();
        foreach (var wave in below.Chunk(ResyncWave))
        {
            await Task.WhenAll(wave.Select(code => GrainFactory.GetGrain<IGridGrain>(code).Resync()));
        }
        return index.Version;
    }

    public Task<TopologyManifest> Read() => Task.FromResult(new TopologyManifest(
        state.State.Version, state.State.PieceSet, state.State.Pieces, state.State.PieceSet is null ? state.State.Document : null, state.State.Plans, state.State.Source));

    public Task<TopologyDocument> ReadPiece(string pieceSet, int index) => _pieces.Read(pieceSet, index);

    public Task<long> GetVersion() => Task.FromResult(state.State.Version);

    /// <summary>Notes the file the unchanged document was read from: the version stays, a start with that file again reads nothing.</summary>
    private Task Remember(string source)
    {
        var next = state.State.Copy();
        next.Source = source;
        return Store(next);
    }

    /// <summary>Makes <paramref name="next"/> the stored manifest; if storage refuses, memory keeps the one stored.</summary>
    private async Task Store(TopologyState next)
    {
        var kept = state.State;
        state.State = next;
        try
        {
            await Durably.Write(this, state.WriteStateAsync);
        }
        catch (StorageUnavailableException)
        {
            state.State = kept;
            throw;
        }
    }

    /// <summary>The stored document: this silo's copy when it is the stored version, else read from the pieces.</summary>
    private async Task<TopologyDocument> Current()
    {
        if (catalog.Current.Version == state.State.Version)
        {
            return catalog.Current.Document;
        }
        return state.State.PieceSet is { } set ? TopologyPieces.Join(await _pieces.ReadAll(set, state.State.Pieces)) : state.State.Document;
    }

    private static bool SameAs(TopologyDocument a, TopologyDocument b) =>
        a.Units.SequenceEqual(b.Units) && a.Workers.SequenceEqual(b.Workers) && a.Devices.SequenceEqual(b.Devices)
        && a.DepartmentList.SequenceEqual(b.DepartmentList);

    // Units count from the topology they see, so each one the replace touched (old or new)
    // re-reports once: a moved grid reaches its new parent, a parent drops a child that left,
    // totals of workers follow.
    private List<IUnitGrain> Holders(TopologyIndex previous, TopologyIndex current) =>
        previous.Units.Concat(current.Units)
            .Where(u => u.Level is not (Model.UnitLevel.Microgrid or Model.UnitLevel.Building)) // their grid holds them
            .Select(u => u.Code)
            .Distinct(StringComparer.Ordinal)
            .Where(code => TopologyChange.Touches(previous, current, code))
            .Select(code => UnitGrains.Holder(GrainFactory, current, code) ?? UnitGrains.Holder(GrainFactory, previous, code))
            .OfType<IUnitGrain>()
            .ToList();

    /// <summary>Re-reports the holders after any resync still running, in waves; a failure is logged, the next replace or activation corrects it.</summary>
    private async Task Resync(Task before, IReadOnlyList<IUnitGrain> holders)
    {
        await before;
        try
        {
            foreach (var wave in holders.Chunk(ResyncWave))
            {
                await Task.WhenAll(wave.Select(h => h.Resync()));
            }
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Units did not all re-report after a topology replace");
        }
    }

    /// <summary>The pieces of one replace as they arrive.</summary>
    private sealed class Upload
    {
        public Dictionary<int, TopologyDocument> Pieces { get; } = [];

        public DateTimeOffset LastAt { get; set; }
    }
}
