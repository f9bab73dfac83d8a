using System.Text.Json;
using Hub.Grains.Geography;
using Hub.Grains.Model;
using Hub.Grains.Topology;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using NetTopologySuite.Triangulate;

namespace Hub.Silo.Demo;

/// <summary>
/// Lays the demo city out on the ground around Taiyuan: the city an irregular outline, each area cut
/// into its children by a Voronoi diagram of points inside it (so every child nests in its parent and
/// neighbours share their edges, as real boundaries do), buildings and cameras as points in their grids.
/// </summary>
public static class DemoMap
{
    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    private static readonly Coordinate Centre = new(112.55, 37.86);

    public static TopologyDocument Lay(TopologyDocument city)
    {
        var random = new Random(37_86_112);
        var children = city.Units.Where(u => u.Parent is not null).ToLookup(u => u.Parent!, StringComparer.Ordinal);
        var shapes = new Dictionary<string, Geometry>(StringComparer.Ordinal);
        foreach (var top in city.Units.Where(u => u.Parent is null))
        {
            shapes[top.Code] = Outline(random);
            Divide(top.Code, children, shapes, random);
        }
        var units = city.Units.Select(u => shapes.TryGetValue(u.Code, out var s) ? u with { Geometry = Text(s) } : u).ToList();
        var devices = city.Devices.Select(d => d with
        {
            Geometry = shapes.TryGetValue(d.Unit, out var s) ? Text(s is Point ? s : PointIn(s, random)) : null,
        }).ToList();
        return city with { Units = units, Devices = devices };
    }

    /// <summary>About 40 km across, its edge wandering as a city's does.</summary>
    private static Polygon Outline(Random random)
    {
        const int corners = 28;
        var ring = new Coordinate[corners + 1];
        for (var i = 0; i < corners; i++)
        {
            var angle = 2 * Math.PI * i / corners;
            var reach = 0.85 + (0.3 * random.NextDouble());
            ring[i] = new Coordinate(Centre.X + (0.24 * reach * Math.Cos(angle)), Centre.Y + (0.19 * reach * Math.Sin(angle)));
        }
        ring[corners] = ring[0].Copy();
        return GeoJsonGeometry.Factory.CreatePolygon(ring);
    }

    /// <summary>Cuts <paramref name="code"/>'s area among its children: areas by Voronoi cells, buildings as points.</summary>
    private static void Divide(string code, ILookup<string, UnitSpec> children, Dictionary<string, Geometry> shapes, Random random)
    {
        var area = shapes[code];
        var below = children[code].ToList();
        var areas = below.Where(u => u.Level != UnitLevel.Building).ToList();
        foreach (var building in below.Where(u => u.Level == UnitLevel.Building))
        {
            shapes[building.Code] = PointIn(area, random);
        }
        if (areas.Count == 0)
        {
            return;
        }
        if (areas.Count == 1)
        {
            shapes[areas[0].Code] = area;
        }
        else
        {
            var sites = areas.Select(_ => PointIn(area, random).Coordinate).ToList();
            var voronoi = new VoronoiDiagramBuilder { ClipEnvelope = area.EnvelopeInternal };
            voronoi.SetSites(sites);
            var cells = voronoi.GetDiagram(GeoJsonGeometry.Factory);
            for (var i = 0; i < areas.Count; i++)
            {
                var cell = cells.Geometries.First(c => ((Coordinate)c.UserData).Equals2D(sites[i]));
                shapes[areas[i].Code] = Polygonal(cell.Intersection(area));
            }
        }
        foreach (var child in areas)
        {
            Divide(child.Code, children, shapes, random);
        }
    }

    /// <summary>The polygons of an overlay's result (it may carry slivers of lower dimension).</summary>
    private static Geometry Polygonal(Geometry shape)
    {
        var polygons = Enumerable.Range(0, shape.NumGeometries).Select(shape.GetGeometryN).OfType<Polygon>().ToArray();
        return polygons.Length == 1 ? polygons[0] : GeoJsonGeometry.Factory.CreateMultiPolygon(polygons);
    }

    /// <summary>A point well inside <paramref name="area"/>: drawn in its bounds until one lands inside its inner part.</summary>
    private static Point PointIn(Geometry area, Random random)
    {
        var bounds = area.EnvelopeInternal;
        var inner = area.Buffer(-Math.Min(bounds.Width, bounds.Height) * 0.08);
        var target = inner.IsEmpty ? area : inner;
        for (var tries = 0; tries < 200; tries++)
        {
            var p = GeoJsonGeometry.Factory.CreatePoint(new Coordinate(
                bounds.MinX + (random.NextDouble() * bounds.Width), bounds.MinY + (random.NextDouble() * bounds.Height)));
            if (target.Contains(p))
            {
                return p;
            }
        }
        return area.InteriorPoint;
    }

    private static string Text(Geometry shape) => JsonSerializer.Serialize(shape, GeoJson);
}
