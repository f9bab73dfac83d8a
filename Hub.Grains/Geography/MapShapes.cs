using System.Collections.Concurrent;
using Hub.Grains.Topology;
using NetTopologySuite.Algorithm.Construct;
using NetTopologySuite.Geometries;
using NetTopologySuite.Precision;
using NetTopologySuite.Simplify;

namespace Hub.Grains.Geography;

/// <summary>
/// The topology's shapes as a screen draws them: each unit's children simplified to about a pixel
/// of a 4K wall, with a point inside each to put its name on. Built once per topology version and
/// unit, on first use; a replace starts afresh.
/// </summary>
public sealed class MapShapes
{
    /// <summary>Steps across a map's longer side a screen resolves: finer detail than this is not drawn.</summary>
    public const double ScreenSteps = 4_000;

    /// <summary>Coordinates are sent to a millionth of a degree (about 0.1 m), more than any screen shows.</summary>
    private static readonly PrecisionModel Sent = new(1_000_000);

    private Shapes _shapes = new(TopologyIndex.Empty);

    /// <summary>The layer drawn for <paramref name="unit"/>: its own outline and its children's shapes.</summary>
    public MapLayer LayerOf(TopologyIndex index, UnitNode unit)
    {
        var shapes = For(index);
        return shapes.Layers.GetOrAdd(unit.Code, _ => Build(shapes, unit));
    }

    /// <summary>
    /// Where something at <paramref name="unit"/> (and <paramref name="device"/>, when given) shows on
    /// a map: the device's point, else the unit's, else a point inside the nearest area at or above it.
    /// </summary>
    public Point? PointOf(TopologyIndex index, string unit, string? device = null)
    {
        var shapes = For(index);
        return (device is null ? null : shapes.PointOfDevice(device)) ?? shapes.PointOf(unit);
    }

    /// <summary>The unit's own geometry in the topology (a building's point, an area's outline), if it has one.</summary>
    public Geometry? ShapeOf(TopologyIndex index, string unit) => For(index).Of(unit);

    private Shapes For(TopologyIndex index)
    {
        var kept = Volatile.Read(ref _shapes);
        if (kept.Index == index)
        {
            return kept;
        }
        var fresh = new Shapes(index);
        // The newest version is kept; a request still holding an older index does not bring its cache back.
        if (index.Version >= kept.Index.Version)
        {
            Interlocked.CompareExchange(ref _shapes, fresh, kept);
        }
        return fresh;
    }

    private static MapLayer Build(Shapes shapes, UnitNode unit)
    {
        var own = shapes.Of(unit.Code);
        var children = unit.Children.Select(code => (Code: code, Shape: shapes.Of(code))).ToList();
        var bounds = new Envelope();
        if (own is not null)
        {
            bounds.ExpandToInclude(own.EnvelopeInternal);
        }
        foreach (var child in children.Where(c => c.Shape is not null))
        {
            bounds.ExpandToInclude(child.Shape!.EnvelopeInternal);
        }
        if (bounds.IsNull)
        {
            return new MapLayer(null, null, children.Select(c => new MapShape(c.Code, null, null)).ToList());
        }
        var tolerance = Math.Max(bounds.Width, bounds.Height) / ScreenSteps;
        return new MapLayer(
            [bounds.MinX, bounds.MinY, bounds.MaxX, bounds.MaxY],
            own is null ? null : ForScreen(own, tolerance),
            children.Select(c => c.Shape is null
                ? new MapShape(c.Code, null, null)
                : new MapShape(c.Code, ForScreen(c.Shape, tolerance), Position(c.Shape as Point ?? LabelOf(c.Shape)))).ToList());
    }

    private static Geometry ForScreen(Geometry shape, double tolerance) =>
        shape is Point ? GeometryPrecisionReducer.ReducePointwise(shape, Sent)
        : GeometryPrecisionReducer.ReducePointwise(TopologyPreservingSimplifier.Simplify(shape, tolerance), Sent);

    /// <summary>The centre of the largest circle inside the area: its name sits there, clear of the edges.</summary>
    private static Point LabelOf(Geometry area)
    {
        var largest = area is MultiPolygon many ? many.Geometries.MaxBy(g => g.Area)! : area;
        var tolerance = Math.Max(largest.EnvelopeInternal.Width, largest.EnvelopeInternal.Height) / 1_000;
        return MaximumInscribedCircle.GetCenter(largest, tolerance);
    }

    private static double[] Position(Point point) => [Math.Round(point.X, 6), Math.Round(point.Y, 6)];

    /// <summary>One version's shapes, read from the topology's text as they are asked for.</summary>
    private sealed class Shapes(TopologyIndex index)
    {
        private readonly ConcurrentDictionary<string, Geometry?> _read = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, Point?> _points = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, Point?> _devices = new(StringComparer.Ordinal);

        public TopologyIndex Index { get; } = index;

        public ConcurrentDictionary<string, MapLayer> Layers { get; } = new(StringComparer.Ordinal);

        public Geometry? Of(string code) => _read.GetOrAdd(code, c => Index.Spec(c)?.Geometry is { } text ? Read(text) : null);

        /// <summary>The unit's point, else one inside the nearest area at or above it: found once, as labels are costly.</summary>
        public Point? PointOf(string unit) => _points.GetOrAdd(unit, code => Of(code) switch
        {
            Point point => point,
            { } area => LabelOf(area),
            null => Index.Find(code)?.Parent is { } parent ? PointOf(parent) : null,
        });

        public Point? PointOfDevice(string id) => _devices.GetOrAdd(id, d => Index.Device(d) is { Geometry: { } text } ? Read(text) as Point : null);

        /// <summary>The stored topology was validated whole, so its text reads without problems.</summary>
        public static Geometry? Read(string text) => GeoJsonGeometry.Read(text, "$", []);
    }
}

/// <summary>A unit's map: its bounds (west, south, east, north), its own outline and its children's shapes.</summary>
public sealed record MapLayer(double[]? Bounds, Geometry? Outline, IReadOnlyList<MapShape> Children);

/// <summary>One child's shape for the screen and where its name goes ([longitude, latitude]); nulls where it has none.</summary>
public sealed record MapShape(string Code, Geometry? Shape, double[]? Label);
