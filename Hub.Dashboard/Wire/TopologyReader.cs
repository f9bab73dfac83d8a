using System.Text.Json;
using Hub.Grains.Model;
using Hub.Grains.Topology;

namespace Hub.Dashboard.Wire;

/// <summary>
/// Reads a topology from its JSON form (API.md §3) as it streams in, an entry at a time, naming
/// every problem by its JSON path.
/// </summary>
public sealed class TopologyReader : JsonObjectStream.IVisitor
{
    /// <summary>More households than any micro-grid (30–50) or even grid could hold: a typo.</summary>
    public const int MaxHouseholds = 100_000;

    /// <summary>Problems listed at most; a province with one systematic mistake would otherwise list a million.</summary>
    public const int MaxErrorsListed = 1_000;

    private static readonly string[] Lists = ["units", "workers", "devices", "departments"];

    private readonly List<UnitSpec> _units = [];
    private readonly List<WorkerSpec> _workers = [];
    private readonly List<DeviceSpec> _devices = [];
    private readonly List<DepartmentSpec> _departments = [];
    private readonly List<string> _errors = [];
    private readonly HashSet<string> _given = new(StringComparer.Ordinal);

    /// <summary>
    /// One string per distinct code, name and kind read: a parent, a worker's grid, a device's unit
    /// repeat a unit's code, and names like 1号楼 and kinds like camera repeat by the hundred
    /// thousand. A province held twice while one replaces the other is hundreds of megabytes smaller.
    /// </summary>
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private int _errorsNotListed;

    private TopologyReader()
    {
    }

    /// <returns>The document when it is well-formed and valid; otherwise every error found (at most <see cref="MaxErrorsListed"/>).</returns>
    /// <exception cref="BodyTooLargeException">The stream holds more than <paramref name="maxBytes"/>.</exception>
    public static async Task<(TopologyDocument? Document, IReadOnlyList<string> Errors)> Read(Stream json, long maxBytes, CancellationToken cancellationToken)
    {
        var reader = new TopologyReader();
        try
        {
            await JsonObjectStream.Read(json, maxBytes, reader, cancellationToken);
        }
        catch (JsonException e)
        {
            return (null, [$"$: not valid JSON: {e.Message}"]);
        }
        return reader.Finish();
    }

    private (TopologyDocument?, IReadOnlyList<string>) Finish()
    {
        if (!_given.Contains("units"))
        {
            Add("units: required");
        }
        if (_errors.Count > 0)
        {
            return (null, Listed(_errors));
        }
        var document = new TopologyDocument(_units, _workers, _devices, _departments);
        var semantic = TopologyValidator.Validate(document);
        return semantic.Count > 0 ? (null, semantic.Count > MaxErrorsListed ? Listed([.. semantic.Take(MaxErrorsListed)], semantic.Count - MaxErrorsListed) : semantic) : (document, []);
    }

    private List<string> Listed(List<string> errors, int more = 0)
    {
        more += _errorsNotListed;
        return more > 0 ? [.. errors, $"… and {more} more"] : errors;
    }

    public void ArrayStarts(string name) => _given.Add(name);

    public void Value(string name, JsonElement value)
    {
        if (!Lists.Contains(name))
        {
            return; // unknown fields are ignored, as in every body
        }
        if (value.ValueKind != JsonValueKind.Null)
        {
            _given.Add(name);
            Add($"{name}: must be an array");
        }
    }

    public void Entry(string name, int index, JsonElement entry)
    {
        if (!Lists.Contains(name))
        {
            return;
        }
        var errors = _errors.Count < MaxErrorsListed ? _errors : [];
        var before = errors.Count;
        var f = new JsonFields(entry, $"{name}[{index}]", errors);
        if (f.IsObject)
        {
            switch (name)
            {
                case "units":
                    var level = f.Enum<UnitLevel>("level");
                    _units.Add(new UnitSpec(
                        One(f.Text("code")) ?? "", One(f.Text("name", maxLength: 1000)) ?? "", level ?? UnitLevel.Building,
                        One(f.Text("parent", required: false, maxLength: UnitCode.MaxLength)),
                        f.Has("households") ? f.WholeNumber("households", 0, MaxHouseholds) : null,
                        f.Has("kind") ? f.Enum<GridKind>("kind") : null,
                        One(f.Text("category", required: false, maxLength: 1000)),
                        GeometryOf(entry)));
                    break;
                case "workers":
                    _workers.Add(new WorkerSpec(f.Text("id") ?? "", One(f.Text("name", maxLength: 1000)) ?? "", One(f.Text("grid")) ?? "",
                        f.Enum<WorkerRole>("role") ?? WorkerRole.FullTime, One(f.Text("microgrid", required: false, maxLength: UnitCode.MaxLength))));
                    break;
                case "devices":
                    _devices.Add(new DeviceSpec(f.Text("id") ?? "", One(f.Text("kind", maxLength: 1000)) ?? "", One(f.Text("unit")) ?? "", One(f.Text("center", required: false, maxLength: 100)), GeometryOf(entry)));
                    break;
                default:
                    _departments.Add(new DepartmentSpec(f.Text("code") ?? "", f.Text("name", maxLength: 1000) ?? "", One(f.Text("unit")) ?? ""));
                    break;
            }
        }
        if (errors != _errors)
        {
            _errorsNotListed += errors.Count - before;
        }
    }

    /// <summary>An entry's GeoJSON geometry as compact text; it is read and checked with the whole topology.</summary>
    private static string? GeometryOf(JsonElement entry) =>
        entry.TryGetProperty("geometry", out var geometry) && geometry.ValueKind != JsonValueKind.Null ? JsonSerializer.Serialize(geometry) : null;

    /// <summary>The one copy of <paramref name="text"/> kept for this read.</summary>
    private string? One(string? text)
    {
        if (text is null)
        {
            return null;
        }
        ref var kept = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_strings, text, out _);
        return kept ??= text;
    }

    private void Add(string error)
    {
        if (_errors.Count < MaxErrorsListed)
        {
            _errors.Add(error);
        }
        else
        {
            _errorsNotListed++;
        }
    }
}
