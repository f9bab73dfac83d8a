using System.Text.Json;
using Hub.Dashboard.Wire;
using Hub.Grains.Access;
using Hub.Grains.Alerts;
using Hub.Grains.Ingest;
using Hub.Grains.Model;
using Hub.Grains.Topology;

namespace Hub.Dashboard.Ingest;

/// <summary>
/// Reads and validates a batch of alerts (API.md §4) against the topology and the sender's scope,
/// whole. The device counts too: a report naming a device outside the scope could merge into an
/// alert there.
/// </summary>
public static class AlertReader
{
    public static BatchRead<AlertReport> Read(JsonElement batch, TopologyIndex topology, DateTimeOffset now, Sender sender, string scope = Jurisdiction.Everything)
    {
        var fence = new ScopeFence(scope, topology);
        return BatchRead.Each(batch, fence, (f, item) =>
        {
            var source = f.Text("source", maxLength: IngestLimits.MaxSourceLength);
            if (source == ImportedSource.Name)
            {
                f.Error("source", $"'{ImportedSource.Name}' is kept for imported history (POST /api/v1/import/cases)");
            }
            return Report(f, item, fence, topology, now, sender, source, f.Code("device", required: false));
        });
    }

    /// <summary>
    /// One report whose source the caller names (the field page's): a person reports a place, never
    /// a device. Null when anything was wrong; <paramref name="fence"/> holds what lay outside.
    /// </summary>
    public static AlertReport? ReadOne(JsonFields f, ScopeFence fence, TopologyIndex topology, DateTimeOffset now, Sender sender, string source) =>
        Report(f, "", fence, topology, now, sender, source, device: null);

    private static AlertReport? Report(JsonFields f, string item, ScopeFence fence, TopologyIndex topology, DateTimeOffset now, Sender sender, string? source, string? device)
    {
        var sourceId = f.Text("sourceId", maxLength: IngestLimits.MaxIdLength);
        var unit = f.Code("unit");
        var category = f.Text("category", maxLength: IngestLimits.MaxCategoryLength);
        var severity = f.Enum<Severity>("severity");
        var at = TimeRule.Check(f, "at", now);
        var title = f.Text("title", required: false, maxLength: IngestLimits.MaxTitleLength);
        var detail = f.Text("detail", required: false, maxLength: IngestLimits.MaxDetailLength, multiline: true);

        if (unit is not null && topology.Find(unit) is null)
        {
            f.Error("unit", $"unknown unit '{unit}'");
            unit = null;
        }
        else if (unit is not null && !fence.Admits(item, "unit", unit, unit))
        {
            unit = null;
        }
        var spec = device is null ? null : topology.Device(device);
        if (device is not null && spec is null)
        {
            f.Error("device", $"unknown device '{device}'");
            device = null;
        }
        else if (spec is not null)
        {
            fence.Admits(item, "device", spec.Id, spec.Unit);
        }
        return f.IsValid && source is not null && sourceId is not null && unit is not null && category is not null && severity is { } s && at is { } t
            ? new AlertReport(source, sourceId, unit, device, category, s, t, title, detail, sender)
            : null;
    }
}
