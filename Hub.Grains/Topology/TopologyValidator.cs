using Hub.Grains.Model;

namespace Hub.Grains.Topology;

/// <summary>
/// Checks a topology as a whole and names every problem by its JSON path, so an administrator can
/// fix a file in one pass. Nothing is applied unless this returns no errors.
/// </summary>
public static class TopologyValidator
{
    public const int MaxCategoryLength = 40;

    public static IReadOnlyList<string> Validate(TopologyDocument doc)
    {
        var errors = new List<string>();
        var units = new Dictionary<string, UnitSpec>(StringComparer.Ordinal);
        var hasCity = doc.Units.Any(u => u.Level == UnitLevel.City);

        for (var i = 0; i < doc.Units.Count; i++)
        {
            var u = doc.Units[i];
            if (!UnitCode.IsValid(u.Code))
            {
                errors.Add($"units[{i}].code: '{u.Code}' is not a valid code (1-64 of A-Z a-z 0-9 _ . -)");
            }
            else if (!units.TryAdd(u.Code, u))
            {
                errors.Add($"units[{i}].code: duplicate code '{u.Code}'");
            }
            if (!UnitCode.IsValidName(u.Name))
            {
                errors.Add($"units[{i}].name: must be 1-{UnitCode.MaxNameLength} characters");
            }
        }

        for (var i = 0; i < doc.Units.Count; i++)
        {
            var u = doc.Units[i];
            if (u.Parent is null)
            {
                if (u.Level != UnitLevel.City && !(u.Level == UnitLevel.District && !hasCity))
                {
                    errors.Add($"units[{i}].parent: a {WireName.Of(u.Level)} needs a parent (only a city, or a district when there is no city, is a top unit)");
                }
                continue;
            }
            if (!units.TryGetValue(u.Parent, out var parent))
            {
                errors.Add($"units[{i}].parent: unknown unit '{u.Parent}'");
            }
            else if (!u.Level.MayHangUnder(parent.Level))
            {
                errors.Add(u.Level == UnitLevel.Building
                    ? $"units[{i}].parent: '{u.Parent}' is a {WireName.Of(parent.Level)}; a building belongs to a grid or a microgrid"
                    : $"units[{i}].parent: '{u.Parent}' is a {WireName.Of(parent.Level)}; the parent of a {WireName.Of(u.Level)} must be one level above it");
            }
            if (u.Households is not null && u.Level != UnitLevel.Microgrid)
            {
                errors.Add($"units[{i}].households: only a microgrid has households");
            }
            if (u.Kind is not null && u.Level != UnitLevel.Grid)
            {
                errors.Add($"units[{i}].kind: only a grid has a kind");
            }
            if (u.Kind == GridKind.Dedicated && u.Category is not { Length: > 0 and <= MaxCategoryLength })
            {
                errors.Add($"units[{i}].category: a dedicated grid names what it covers (school, hospital, market, enterprise, …), 1-{MaxCategoryLength} characters");
            }
            else if (u.Category is not null && u.Kind != GridKind.Dedicated)
            {
                errors.Add($"units[{i}].category: only a dedicated grid has a category");
            }
        }

        ReportCycles(doc, units, errors);
        Geography.GeometryRules.Validate(doc, units, errors);

        var workerIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < doc.Workers.Count; i++)
        {
            var w = doc.Workers[i];
            if (!UnitCode.IsValid(w.Id))
            {
                errors.Add($"workers[{i}].id: '{w.Id}' is not a valid id");
            }
            else if (!workerIds.Add(w.Id))
            {
                errors.Add($"workers[{i}].id: duplicate worker '{w.Id}'");
            }
            if (!UnitCode.IsValidName(w.Name))
            {
                errors.Add($"workers[{i}].name: must be 1-{UnitCode.MaxNameLength} characters");
            }
            if (!units.TryGetValue(w.Grid, out var grid))
            {
                errors.Add($"workers[{i}].grid: unknown unit '{w.Grid}'");
            }
            else if (grid.Level != UnitLevel.Grid)
            {
                errors.Add($"workers[{i}].grid: '{w.Grid}' is a {WireName.Of(grid.Level)}, not a grid");
            }
            if (w.Microgrid is { } microgrid
                && (!units.TryGetValue(microgrid, out var micro) || micro.Level != UnitLevel.Microgrid || micro.Parent != w.Grid))
            {
                errors.Add($"workers[{i}].microgrid: '{microgrid}' is not a microgrid of the worker's grid '{w.Grid}'");
            }
        }

        var deviceIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < doc.Devices.Count; i++)
        {
            var d = doc.Devices[i];
            if (!UnitCode.IsValid(d.Id))
            {
                errors.Add($"devices[{i}].id: '{d.Id}' is not a valid id");
            }
            else if (!deviceIds.Add(d.Id))
            {
                errors.Add($"devices[{i}].id: duplicate device '{d.Id}'");
            }
            if (string.IsNullOrWhiteSpace(d.Kind) || d.Kind.Length > 40)
            {
                errors.Add($"devices[{i}].kind: must be 1-40 characters");
            }
            if (!units.ContainsKey(d.Unit))
            {
                errors.Add($"devices[{i}].unit: unknown unit '{d.Unit}'");
            }
        }

        var departmentCodes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < doc.DepartmentList.Count; i++)
        {
            var d = doc.DepartmentList[i];
            if (!UnitCode.IsValid(d.Code))
            {
                errors.Add($"departments[{i}].code: '{d.Code}' is not a valid code");
            }
            else if (!departmentCodes.Add(d.Code))
            {
                errors.Add($"departments[{i}].code: duplicate department '{d.Code}'");
            }
            if (!UnitCode.IsValidName(d.Name))
            {
                errors.Add($"departments[{i}].name: must be 1-{UnitCode.MaxNameLength} characters");
            }
            if (!units.TryGetValue(d.Unit, out var served))
            {
                errors.Add($"departments[{i}].unit: unknown unit '{d.Unit}'");
            }
            else if (served.Level is not (UnitLevel.District or UnitLevel.Street))
            {
                errors.Add($"departments[{i}].unit: '{d.Unit}' is a {WireName.Of(served.Level)}; a department serves a district or a street");
            }
        }
        return errors;
    }

    // Levels alone rule out most cycles; this catches the rest (and reports each loop once) so the
    // index can rely on every ancestry walk ending.
    private static void ReportCycles(TopologyDocument doc, Dictionary<string, UnitSpec> units, List<string> errors)
    {
        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false: on the current walk, true: done
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < doc.Units.Count; i++)
        {
            index.TryAdd(doc.Units[i].Code, i);
        }
        foreach (var start in units.Values)
        {
            var walk = new List<string>();
            var current = start;
            while (current is not null && !state.ContainsKey(current.Code))
            {
                state[current.Code] = false;
                walk.Add(current.Code);
                current = current.Parent is not null && units.TryGetValue(current.Parent, out var p) ? p : null;
            }
            if (current is not null && !state[current.Code])
            {
                errors.Add($"units[{index[current.Code]}].parent: cycle through '{current.Code}'");
            }
            foreach (var code in walk)
            {
                state[code] = true;
            }
        }
    }
}
