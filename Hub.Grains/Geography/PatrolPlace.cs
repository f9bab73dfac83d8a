using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Distance;

namespace Hub.Grains.Geography;

/// <summary>
/// Whether a patrol was made where it says (虚假打卡 is a patrol of a building recorded from
/// elsewhere): the phone's position against the unit's place in the topology, a building's point or
/// an area's outline. A phone outdoors in a city is good to a few tens of metres and indoors to
/// about a hundred, so only a patrol farther than <see cref="MaxMetres"/> is off its place.
/// </summary>
public static class PatrolPlace
{
    public const double MaxMetres = 200;

    /// <summary>Metres from latitude's degree, and from longitude's at the equator (WGS 84 mean).</summary>
    private const double MetresPerDegree = 111_195;

    private static readonly GeometryFactory Factory = new();

    /// <summary>
    /// Metres between the position and the place (0 inside an area); null when the patrol has no
    /// position or the place no geometry, since nothing can be said then.
    /// </summary>
    public static double? Distance(Geometry? place, double? lat, double? lon)
    {
        if (place is null || lat is not { } y || lon is not { } x)
        {
            return null;
        }
        var at = Factory.CreatePoint(new Coordinate(x, y));
        if (place is not Point && place.Covers(at))
        {
            return 0;
        }
        var nearest = DistanceOp.NearestPoints(place, at)[0];
        return Metres(nearest, at.Coordinate);
    }

    /// <summary>Whether a patrol this far from its place was made elsewhere.</summary>
    public static bool IsOff(double? metres) => metres > MaxMetres;

    /// <summary>Equirectangular: exact enough across the few kilometres of a grid, at any latitude.</summary>
    private static double Metres(Coordinate a, Coordinate b)
    {
        var dx = (b.X - a.X) * Math.Cos((a.Y + b.Y) / 2 * Math.PI / 180);
        var dy = b.Y - a.Y;
        return Math.Sqrt((dx * dx) + (dy * dy)) * MetresPerDegree;
    }
}
