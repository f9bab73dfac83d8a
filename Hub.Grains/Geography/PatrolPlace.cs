using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;

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
    public const double MetresPerDegree = 111_195;

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
        // Measured where a degree of longitude is as long as one of latitude (equirectangular at the
        // position's latitude): exact enough across the few kilometres of a grid, at any latitude,
        // and a slanted edge's nearest point is the nearest in metres, not in degrees.
        var squeeze = AffineTransformation.ScaleInstance(Math.Cos(y * Math.PI / 180), 1);
        var at = squeeze.Transform(Factory.CreatePoint(new Coordinate(x, y)));
        return squeeze.Transform(place).Distance(at) * MetresPerDegree;
    }

    /// <summary>Whether a patrol this far from its place was made elsewhere.</summary>
    public static bool IsOff(double? metres) => metres > MaxMetres;
}
