using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Valid;

namespace Hub.Grains.Geography;

/// <summary>
/// Reads one GeoJSON geometry (RFC 7946: longitude, latitude in WGS 84) of the kinds a topology
/// uses: a <c>Point</c>, a <c>Polygon</c> or a <c>MultiPolygon</c>. Every problem is named by its
/// JSON path below the geometry, so an administrator fixes a file in one pass.
/// </summary>
public static class GeoJsonGeometry
{
    /// <summary>Positions one geometry may hold: a street's outline has hundreds, a surveyed one a few thousand.</summary>
    public const int MaxPositions = 10_000;

    public static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    /// <returns>The geometry, or null with the problems (paths relative to <paramref name="path"/>).</returns>
    public static Geometry? Read(string json, string path, List<string> errors)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            errors.Add($"{path}: not valid JSON");
            return null;
        }
        using (document)
        {
            var before = errors.Count;
            var geometry = Read(document.RootElement, path, errors);
            return errors.Count == before ? geometry : null;
        }
    }

    private static Geometry? Read(JsonElement root, string path, List<string> errors)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"{path}: must be a GeoJSON geometry object");
            return null;
        }
        var type = root.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        if (!root.TryGetProperty("coordinates", out var coordinates) || coordinates.ValueKind != JsonValueKind.Array)
        {
            errors.Add($"{path}.coordinates: required, an array");
            return null;
        }
        var counter = new Counter();
        Geometry? geometry = type switch
        {
            "Point" => ReadPosition(coordinates, $"{path}.coordinates", errors) is { } p ? Factory.CreatePoint(p) : null,
            "Polygon" => ReadPolygon(coordinates, $"{path}.coordinates", errors, counter),
            "MultiPolygon" => ReadMultiPolygon(coordinates, $"{path}.coordinates", errors, counter),
            _ => Refuse<Geometry>(errors, $"{path}.type: '{type}' is not one of Point, Polygon, MultiPolygon"),
        };
        if (counter.Positions > MaxPositions)
        {
            errors.Add($"{path}.coordinates: {counter.Positions} positions; at most {MaxPositions} (simplify the outline)");
            return null;
        }
        if (geometry is Polygon or MultiPolygon && new IsValidOp(geometry).ValidationError is { } invalid)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{path}: not a valid area: {invalid.Message} at [{invalid.Coordinate.X:0.######}, {invalid.Coordinate.Y:0.######}]"));
            return null;
        }
        return geometry;
    }

    private static MultiPolygon? ReadMultiPolygon(JsonElement coordinates, string path, List<string> errors, Counter counter)
    {
        if (coordinates.GetArrayLength() == 0)
        {
            return Refuse<MultiPolygon>(errors, $"{path}: a MultiPolygon needs at least one polygon");
        }
        var polygons = new List<Polygon>();
        var i = 0;
        foreach (var polygon in coordinates.EnumerateArray())
        {
            if (ReadPolygon(polygon, $"{path}[{i++}]", errors, counter) is { } p)
            {
                polygons.Add(p);
            }
        }
        return polygons.Count == i ? Factory.CreateMultiPolygon([.. polygons]) : null;
    }

    private static Polygon? ReadPolygon(JsonElement rings, string path, List<string> errors, Counter counter)
    {
        if (rings.ValueKind != JsonValueKind.Array || rings.GetArrayLength() == 0)
        {
            return Refuse<Polygon>(errors, $"{path}: a polygon is an array of rings, its outline first");
        }
        var read = new List<LinearRing>();
        var i = 0;
        foreach (var ring in rings.EnumerateArray())
        {
            if (ReadRing(ring, $"{path}[{i++}]", errors, counter) is { } r)
            {
                read.Add(r);
            }
        }
        return read.Count == i ? Factory.CreatePolygon(read[0], [.. read.Skip(1)]) : null;
    }

    private static LinearRing? ReadRing(JsonElement ring, string path, List<string> errors, Counter counter)
    {
        if (ring.ValueKind != JsonValueKind.Array || ring.GetArrayLength() < 4)
        {
            return Refuse<LinearRing>(errors, $"{path}: a ring needs at least 4 positions, the last equal to the first");
        }
        counter.Positions += ring.GetArrayLength();
        if (counter.Positions > MaxPositions)
        {
            return null; // said once, for the whole geometry
        }
        var positions = new List<Coordinate>();
        var i = 0;
        foreach (var position in ring.EnumerateArray())
        {
            if (ReadPosition(position, $"{path}[{i++}]", errors) is { } p)
            {
                positions.Add(p);
            }
        }
        if (positions.Count != i)
        {
            return null;
        }
        if (!positions[0].Equals2D(positions[^1]))
        {
            return Refuse<LinearRing>(errors, $"{path}: the ring is not closed (its last position must equal its first)");
        }
        return Factory.CreateLinearRing([.. positions]);
    }

    private static Coordinate? ReadPosition(JsonElement position, string path, List<string> errors)
    {
        if (position.ValueKind != JsonValueKind.Array || position.GetArrayLength() is < 2 or > 3
            || position.EnumerateArray().Any(n => n.ValueKind != JsonValueKind.Number))
        {
            return Refuse<Coordinate>(errors, $"{path}: a position is [longitude, latitude]");
        }
        var lon = position[0].GetDouble();
        var lat = position[1].GetDouble();
        if (lon is < -180 or > 180)
        {
            return Refuse<Coordinate>(errors, string.Create(CultureInfo.InvariantCulture, $"{path}[0]: longitude {lon} is outside -180..180"));
        }
        if (lat is < -90 or > 90)
        {
            return Refuse<Coordinate>(errors, string.Create(CultureInfo.InvariantCulture, $"{path}[1]: latitude {lat} is outside -90..90"));
        }
        return new Coordinate(lon, lat);
    }

    private static T? Refuse<T>(List<string> errors, string error)
        where T : class
    {
        errors.Add(error);
        return null;
    }

    private sealed class Counter
    {
        public int Positions { get; set; }
    }
}
