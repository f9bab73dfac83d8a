using System.Text.Json;
using Hub.Grains.Model;
using Hub.Grains.Topology;
using Hub.Grains.Wire;

namespace Hub.Grains.Ingest;

/// <summary>Reads and validates a batch of alerts (API.md §4) against the topology, whole.</summary>
public static class AlertReader
{
    public static BatchRead<AlertReport> Read(JsonElement batch, TopologyIndex topology, DateTimeOffset now)
    {
        var errors = new List<string>();
        var items = new List<AlertReport>(batch.GetArrayLength());
        var i = 0;
        foreach (var element in batch.EnumerateArray())
        {
            var f = new JsonFields(element, $"[{i++}]", errors);
            if (!f.IsObject)
            {
                continue;
            }
            var source = f.Text("source", maxLength: IngestLimits.MaxSourceLength);
            var sourceId = f.Text("sourceId", maxLength: IngestLimits.MaxIdLength);
            var unit = f.Code("unit");
            var device = f.Code("device", required: false);
            var category = f.Text("category", maxLength: IngestLimits.MaxCategoryLength);
            var severity = f.Enum<Severity>("severity");
            var at = TimeRule.Check(f, "at", now);
            var title = f.Text("title", required: false, maxLength: IngestLimits.MaxTitleLength);
            var detail = f.Text("detail", required: false, maxLength: IngestLimits.MaxDetailLength);

            if (unit is not null && topology.Find(unit) is null)
            {
                f.Error("unit", $"unknown unit '{unit}'");
                unit = null;
            }
            if (device is not null && topology.Device(device) is null)
            {
                f.Error("device", $"unknown device '{device}'");
                device = null;
            }
            if (source is not null && sourceId is not null && unit is not null && category is not null && severity is { } s && at is { } t)
            {
                items.Add(new AlertReport(source, sourceId, unit, device, category, s, t, title, detail));
            }
        }
        return new BatchRead<AlertReport>(items, errors);
    }
}
