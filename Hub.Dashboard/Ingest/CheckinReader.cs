using System.Text.Json;
using Hub.Dashboard.Wire;
using Hub.Grains.Access;
using Hub.Grains.Ingest;
using Hub.Grains.Model;
using Hub.Grains.Topology;

namespace Hub.Dashboard.Ingest;

/// <summary>
/// Reads and validates a batch of check-ins (API.md §4) against the topology and the sender's scope,
/// whole. A worker or unit outside the scope is only named as such, so no answer tells where it is.
/// </summary>
public static class CheckinReader
{
    public static BatchRead<CheckinReport> Read(JsonElement batch, TopologyIndex topology, DateTimeOffset now, string scope = Jurisdiction.Everything)
    {
        var fence = new ScopeFence(scope, topology);
        return BatchRead.Each(batch, fence, (f, item) =>
        {
            var id = f.Text("id", required: false, maxLength: IngestLimits.MaxIdLength);
            var workerId = f.Code("worker");
            var unit = f.Code("unit");
            var kind = f.Enum<CheckinKind>("kind");
            var at = TimeRule.Check(f, "at", now);
            var lat = f.Number("lat", -90, 90);
            var lon = f.Number("lon", -180, 180);

            var worker = workerId is null ? null : topology.Worker(workerId);
            if (workerId is not null && worker is null)
            {
                f.Error("worker", $"unknown worker '{workerId}'");
            }
            else if (worker is not null && !fence.Admits(item, "worker", worker.Id, worker.Grid))
            {
                worker = null;
            }
            if (unit is not null)
            {
                if (topology.Find(unit) is not { } node)
                {
                    f.Error("unit", $"unknown unit '{unit}'");
                }
                else if (!fence.Admits(item, "unit", unit, unit))
                {
                    unit = null;
                }
                else if (worker is not null && node.Owner != worker.Grid)
                {
                    f.Error("unit", $"'{unit}' is not worker {worker.Id}'s grid '{worker.Grid}' or one of its buildings");
                }
                else if (!node.Level.IsGridHeld())
                {
                    f.Error("unit", $"'{unit}' is a {WireName.Of(node.Level)}; check-ins are at a grid or a building");
                }
            }
            return worker is not null && unit is not null && kind is { } k && at is { } t
                ? new CheckinReport(id, worker.Id, unit, k, t, lat, lon)
                : null;
        });
    }
}
