using System.Collections.Concurrent;
using Hub.Grains.Alerts;
using Hub.Grains.Model;
using Hub.Grains.Topology;
using Hub.Grains.Units;

namespace Hub.Grains.Ingest;

/// <summary>
/// Applies a validated batch with one grain call per grid (or per area holding alerts), all in
/// parallel (DESIGN.md principle 3); check-ins of concurrent requests for one grid share calls. A request's batch is grouped by the topology snapshot it was
/// validated against, when given, so that a replace in between cannot split it differently.
/// </summary>
public sealed class IngestDispatcher(IGrainFactory grains, TopologyCatalog topology)
{
    /// <summary>
    /// Each grid's inbox on this silo, made once: concurrent requests for one grid share its calls
    /// (<see cref="GridInbox"/>), and its grain reference is resolved once (by reflection each time
    /// otherwise, 5 % of a batch spread over a thousand grids). Bounded by the grids the topology
    /// has ever had.
    /// </summary>
    private readonly ConcurrentDictionary<string, GridInbox> _inboxes = new(StringComparer.Ordinal);

    /// <summary>A batch's check-ins by the grid that applies them: one grid call each.</summary>
    public static ILookup<string, CheckinReport> ByGrid(IReadOnlyList<CheckinReport> checkins, TopologyIndex index) =>
        checkins.ToLookup(c => index.Find(c.Unit)!.Owner, StringComparer.Ordinal);

    public Task<CheckinResult> ApplyCheckins(IReadOnlyList<CheckinReport> checkins, TopologyIndex? snapshot = null) =>
        ApplyCheckins(ByGrid(checkins, snapshot ?? topology.Current));

    public async Task<CheckinResult> ApplyCheckins(ILookup<string, CheckinReport> byGrid)
    {
        var results = await Task.WhenAll(byGrid.Select(g => Inbox(g.Key).Apply(g.ToArray())));
        return results.Aggregate(CheckinResult.None, (sum, r) => sum + r);
    }

    private GridInbox Inbox(string code) => _inboxes.GetOrAdd(code, static (c, factory) => new GridInbox(factory.GetGrain<IGridGrain>(c)), grains);

    /// <returns>One result per report, in the order of <paramref name="alerts"/>.</returns>
    public async Task<IReadOnlyList<RaiseResult>> RaiseAlerts(IReadOnlyList<AlertReport> alerts, TopologyIndex? snapshot = null)
    {
        var index = snapshot ?? topology.Current;
        var groups = alerts
            .Select((report, position) => (report, position))
            .GroupBy(x => index.Find(x.report.Unit)!.Owner, StringComparer.Ordinal)
            .ToList();
        var answers = await Task.WhenAll(groups.Select(g =>
            UnitGrains.Of(grains, index.Find(g.Key)!).RaiseAlerts(g.Select(x => x.report).ToArray())));
        var results = new RaiseResult[alerts.Count];
        for (var g = 0; g < groups.Count; g++)
        {
            var positions = groups[g].Select(x => x.position).ToArray();
            for (var k = 0; k < positions.Length; k++)
            {
                results[positions[k]] = answers[g][k];
            }
        }
        return results;
    }
}
