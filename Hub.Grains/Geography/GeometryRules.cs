using System.Globalization;
using Hub.Grains.Model;
using Hub.Grains.Topology;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace Hub.Grains.Geography;

/// <summary>
/// The topology's rules for geometry: a building and a device are points, every other unit an area,
/// and each lies inside the nearest unit above it that has a shape, within a tolerance for surveys
/// that disagree by a few metres.
/// </summary>
public static class GeometryRules
{
    /// <summary>The share of an area that may lie outside its parent: outlines drawn by different surveys overlap at their edges.</summary>
    public const double AreaOutsideTolerance = 0.02;

    /// <summary>How far a point may lie outside its parent, in metres: a building on the street that bounds its grid.</summary>
    public const double PointOutsideMetres = 50;

    /// <summary>Metres per degree of latitude (and of longitude at the equator), near enough for a tolerance.</summary>
    public const double MetresPerDegree = 111_320;

    public static void Validate(TopologyDocument doc, IReadOnlyDictionary<string, UnitSpec> units, List<string> errors)
    {
        var shapes = new Dictionary<string, Geometry>(StringComparer.Ordinal);
        var at = new List<(int Index, UnitSpec Unit, Geometry Shape)>();
        for (var i = 0; i < doc.Units.Count; i++)
        {
            var u = doc.Units[i];
            if (u.Geometry is null)
            {
                continue;
            }
            var path = $"units[{i}].geometry";
            if (GeoJsonGeometry.Read(u.Geometry, path, errors) is not { } shape)
            {
                continue;
            }
            var point = u.Level == UnitLevel.Building;
            if (point != shape is Point)
            {
                errors.Add(point
                    ? $"{path}: a building is a Point, not a {shape.GeometryType}"
                    : $"{path}: a {WireName.Of(u.Level)} is an area (Polygon or MultiPolygon), not a {shape.GeometryType}");
                continue;
            }
            if (units.TryGetValue(u.Code, out var kept) && ReferenceEquals(kept, u))
            {
                shapes[u.Code] = shape;
                at.Add((i, u, shape));
            }
        }
        var prepared = new Dictionary<string, IPreparedGeometry>(StringComparer.Ordinal);
        foreach (var (index, unit, shape) in at)
        {
            if (Enclosing(unit.Parent, units, shapes) is { } parent)
            {
                Inside(shape, parent, prepared, $"units[{index}].geometry", errors);
            }
        }
        for (var i = 0; i < doc.Devices.Count; i++)
        {
            var d = doc.Devices[i];
            if (d.Geometry is null)
            {
                continue;
            }
            var path = $"devices[{i}].geometry";
            if (GeoJsonGeometry.Read(d.Geometry, path, errors) is not { } shape)
            {
                continue;
            }
            if (shape is not Point)
            {
                errors.Add($"{path}: a device is a Point, not a {shape.GeometryType}");
            }
            else if (Enclosing(d.Unit, units, shapes) is { } parent)
            {
                Inside(shape, parent, prepared, path, errors);
            }
        }
    }

    /// <summary>The nearest unit at or above <paramref name="code"/> whose shape is an area.</summary>
    private static (string Code, Geometry Shape)? Enclosing(string? code, IReadOnlyDictionary<string, UnitSpec> units, Dictionary<string, Geometry> shapes)
    {
        // Bounded: cycles are reported by the validator, not followed here.
        for (var steps = 0; code is not null && steps < 16 && units.TryGetValue(code, out var unit); steps++)
        {
            if (shapes.TryGetValue(code, out var shape) && shape is not Point)
            {
                return (code, shape);
            }
            code = unit.Parent;
        }
        return null;
    }

    private static void Inside(Geometry shape, (string Code, Geometry Shape) parent, Dictionary<string, IPreparedGeometry> prepared, string path, List<string> errors)
    {
        if (!prepared.TryGetValue(parent.Code, out var fast))
        {
            prepared[parent.Code] = fast = PreparedGeometryFactory.Prepare(parent.Shape);
        }
        if (fast.Covers(shape))
        {
            return;
        }
        if (shape is Point)
        {
            var metres = parent.Shape.Distance(shape) * MetresPerDegree;
            if (metres > PointOutsideMetres)
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"{path}: lies {metres:0} m outside '{parent.Code}' (at most {PointOutsideMetres:0} m)"));
            }
            return;
        }
        var outside = shape.Difference(parent.Shape).Area / shape.Area;
        if (outside > AreaOutsideTolerance)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{path}: {outside * 100:0.#}% of it lies outside '{parent.Code}' (at most {AreaOutsideTolerance * 100:0.#}%)"));
        }
    }
}
