using Hub.Grains.Alerts;
using Hub.Grains.Model;
using Hub.Grains.Rollup;
using Hub.Grains.Time;
using Hub.Grains.Topology;

namespace Hub.Grains.Units;

public sealed class AreaGrain(
    [PersistentState("area", HubStorage.Name)] IPersistentState<AreaState> state,
    TopologyCatalog topology,
    HubClock clock) : UnitGrain(topology, clock), IAreaGrain
{
    /// <summary>The children's latest tallies: soft state, rebuilt by asking them on activation.</summary>
    private readonly Dictionary<string, VersionedTally> _children = new(StringComparer.Ordinal);

    protected override AlertBook Book => state.State.Alerts;

    protected override Task WriteState() => state.WriteStateAsync();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await AskChildren();
        await base.OnActivateAsync(cancellationToken);
    }

    public override async Task Resync()
    {
        await AskChildren();
        await base.Resync();
    }

    public Task ReportChild(string child, UnitTally tally, long version, bool urgent)
    {
        if (Node is { } node && node.Children.Contains(child, StringComparer.Ordinal)
            && (!_children.TryGetValue(child, out var known) || known.Version < version))
        {
            _children[child] = new VersionedTally(tally, version);
            Changed(urgent);
        }
        return Task.CompletedTask;
    }

    protected override UnitStatus? StatusOf(string code)
    {
        if (code != Code || Node is not { } node)
        {
            return null;
        }
        var today = Clock.Today;
        var index = Topology.Current;
        var children = node.Children
            .Select(c => StatusComposer.Summarize(index.Find(c)!, ChildTally(c, today)))
            .ToArray();
        return StatusComposer.Compose(node, Tally(today), children, Clock.Now, inZone: Clock.InZone);
    }

    protected override UnitTally Tally(DateOnly today)
    {
        var own = new UnitTally(Book.Count(Clock.Now), WorkerCounts.Zero, 0, Book.Day(today), new SourceTimes(null, Book.LastReport()));
        var children = Node?.Children.Select(c => ChildTally(c, today)) ?? [];
        return TallyMath.Sum(children.Append(own), today);
    }

    private UnitTally ChildTally(string code, DateOnly today) =>
        _children.TryGetValue(code, out var known) ? known.Tally : UnitTally.Empty(today);

    private async Task AskChildren()
    {
        if (Node is not { } node)
        {
            _children.Clear();
            return;
        }
        var index = Topology.Current;
        foreach (var gone in _children.Keys.Except(node.Children, StringComparer.Ordinal).ToList())
        {
            _children.Remove(gone);
        }
        var asked = node.Children
            .Select(index.Find)
            .OfType<UnitNode>()
            .Select(async child => (child.Code, Tally: await UnitGrains.Of(GrainFactory, child).GetTally()));
        foreach (var (code, tally) in await Task.WhenAll(asked))
        {
            if (!_children.TryGetValue(code, out var known) || known.Version < tally.Version)
            {
                _children[code] = tally;
            }
        }
    }
}
