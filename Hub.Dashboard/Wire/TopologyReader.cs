using System.Text.Json;
using Hub.Grains.Model;
using Hub.Grains.Topology;

namespace Hub.Dashboard.Wire;

/// <summary>Reads a topology from its JSON form (API.md §3), naming every problem by its JSON path.</summary>
public static class TopologyReader
{
    /// <summary>More households than any micro-grid (30–50) or even grid could hold: a typo.</summary>
    public const int MaxHouseholds = 100_000;

    /// <returns>The document when it is well-formed and valid; otherwise every error found.</returns>
    public static (TopologyDocument? Document, IReadOnlyList<string> Errors) Read(JsonElement root)
    {
        var errors = new List<string>();
        if (root.ValueKind != JsonValueKind.Object)
        {
            return (null, ["$: the topology must be a JSON object with 'units', 'workers' and 'devices'"]);
        }
        var units = ReadArray(root, "units", required: true, errors, (f, path) =>
        {
            var level = f.Enum<UnitLevel>("level");
            var parent = f.Text("parent", required: false, maxLength: UnitCode.MaxLength);
            return new UnitSpec(
                f.Text("code") ?? "", f.Text("name", maxLength: 1000) ?? "", level ?? UnitLevel.Building, parent,
                f.Has("households") ? f.WholeNumber("households", 0, MaxHouseholds) : null,
                f.Has("kind") ? f.Enum<GridKind>("kind") : null,
                f.Text("category", required: false, maxLength: 1000));
        });
        var workers = ReadArray(root, "workers", required: false, errors, (f, path) =>
            new WorkerSpec(f.Text("id") ?? "", f.Text("name", maxLength: 1000) ?? "", f.Text("grid") ?? "", f.Enum<WorkerRole>("role") ?? WorkerRole.FullTime,
                f.Text("microgrid", required: false, maxLength: UnitCode.MaxLength)));
        var devices = ReadArray(root, "devices", required: false, errors, (f, path) =>
            new DeviceSpec(f.Text("id") ?? "", f.Text("kind", maxLength: 1000) ?? "", f.Text("unit") ?? "", f.Text("center", required: false, maxLength: 100)));
        var departments = ReadArray(root, "departments", required: false, errors, (f, path) =>
            new DepartmentSpec(f.Text("code") ?? "", f.Text("name", maxLength: 1000) ?? "", f.Text("unit") ?? ""));
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var doc = new TopologyDocument(units, workers, devices, departments);
        var semantic = TopologyValidator.Validate(doc);
        return semantic.Count > 0 ? (null, semantic) : (doc, []);
    }

    private static List<T> ReadArray<T>(JsonElement root, string name, bool required, List<string> errors, Func<JsonFields, string, T> read)
    {
        var list = new List<T>();
        if (!root.TryGetProperty(name, out var array) || array.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                errors.Add($"{name}: required");
            }
            return list;
        }
        if (array.ValueKind != JsonValueKind.Array)
        {
            errors.Add($"{name}: must be an array");
            return list;
        }
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            var path = $"{name}[{i++}]";
            var fields = new JsonFields(item, path, errors);
            if (fields.IsObject)
            {
                list.Add(read(fields, path));
            }
        }
        return list;
    }
}
