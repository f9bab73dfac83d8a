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
    /// <param name="self">
    /// The grid worker sending their own check-ins from the field page: the worker may be left out
    /// (it is them), naming another is refused like a place outside the scope, and each item needs
    /// the id the phone gave it, so that a resend counts once.
    /// </param>
    public static BatchRead<CheckinReport> Read(JsonElement batch, TopologyIndex topology, DateTimeOffset now, string scope = Jurisdiction.Everything, string? self = null)
    {
        var fence = new ScopeFence(scope, topology);
        return BatchRead.Each(batch, fence, (f, item) =>
        {
            var id = f.Text("id", required: self is not null, maxLength: IngestLimits.MaxIdLength);
            var workerId = self is null ? f.Code("worker") : Own(f, fence, item, self);
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

    private static string? Own(JsonFields f, ScopeFence fence, string item, string self)
    {
        if (f.Code("worker", required: false) is { } named && named != self)
        {
            fence.Refuse(item, "worker", $"a grid worker sends their own check-ins only ('{self}')");
            return null;
        }
        return self;
    }
}
