using Hub.Grains.Geography;
using NetTopologySuite.Geometries;

namespace Hub.Tests.Unit;

/// <summary>Whether a patrol was made where it says: the phone's position against the building's point or the area's outline.</summary>
public class PatrolPlaceTests
{
    private const double Lat = 37.87;
    private const double Lon = 112.55;

    /// <summary>Degrees of latitude and, at <see cref="Lat"/>, of longitude for a distance in metres.</summary>
    private static double North(double metres) => metres / 111_195;

    private static double East(double metres) => metres / (111_195 * Math.Cos(Lat * Math.PI / 180));

    private static readonly GeometryFactory Factory = new();

    private static readonly Point Building = Factory.CreatePoint(new Coordinate(Lon, Lat));

    /// <summary>A grid 1 km square with its south-west corner at the building.</summary>
    private static readonly Polygon Grid = Factory.CreatePolygon([
        new(Lon, Lat), new(Lon + East(1000), Lat), new(Lon + East(1000), Lat + North(1000)), new(Lon, Lat + North(1000)), new(Lon, Lat),
    ]);

    [Theory]
    [InlineData(150, 0, false)]
    [InlineData(250, 0, true)]
    [InlineData(0, 190, false)]
    [InlineData(0, 210, true)]
    [InlineData(-140, -140, false)] // 198 m to the south-west
    [InlineData(-150, -150, true)] // 212 m
    public void A_patrol_more_than_200_metres_from_its_building_is_off_its_place(double northMetres, double eastMetres, bool off)
    {
        var metres = PatrolPlace.Distance(Building, Lat + North(northMetres), Lon + East(eastMetres));
        Assert.Equal(Math.Sqrt((northMetres * northMetres) + (eastMetres * eastMetres)), metres!.Value, 0.5);
        Assert.Equal(off, PatrolPlace.IsOff(metres));
    }

    [Fact]
    public void Inside_an_area_is_no_distance_and_outside_it_the_distance_is_to_its_edge()
    {
        Assert.Equal(0, PatrolPlace.Distance(Grid, Lat + North(500), Lon + East(500)));
        var east = PatrolPlace.Distance(Grid, Lat + North(500), Lon + East(1150));
        Assert.Equal(150, east!.Value, 0.5);
        Assert.False(PatrolPlace.IsOff(east));
        var south = PatrolPlace.Distance(Grid, Lat - North(260), Lon + East(300));
        Assert.Equal(260, south!.Value, 0.5);
        Assert.True(PatrolPlace.IsOff(south));
    }

    [Theory]
    [InlineData(190, false)]
    [InlineData(210, true)]
    public void Beyond_a_slanted_edge_the_distance_is_in_metres_square_to_it(double metres, bool off)
    {
        // A triangle whose long side runs from its south-west corner to 1 km north-east of it, at 45° on the ground.
        var triangle = Factory.CreatePolygon([
            new(Lon, Lat), new(Lon + East(1000), Lat + North(1000)), new(Lon, Lat + North(1000)), new(Lon, Lat),
        ]);
        // Out past the middle of that side, square to it on the ground (south-east).
        var (east, north) = (500 + (metres / Math.Sqrt(2)), 500 - (metres / Math.Sqrt(2)));
        var distance = PatrolPlace.Distance(triangle, Lat + North(north), Lon + East(east));
        Assert.Equal(metres, distance!.Value, 1);
        Assert.Equal(off, PatrolPlace.IsOff(distance));
    }

    [Fact]
    public void Without_a_position_or_a_place_nothing_is_said()
    {
        Assert.Null(PatrolPlace.Distance(Building, null, null));
        Assert.Null(PatrolPlace.Distance(null, Lat, Lon));
        Assert.False(PatrolPlace.IsOff(null));
    }
}
