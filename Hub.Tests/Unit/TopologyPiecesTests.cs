using Hub.Grains.Topology;
using Hub.Tests.Support;

namespace Hub.Tests.Unit;

public class TopologyPiecesTests
{
    [Fact]
    public void A_topology_is_cut_into_pieces_of_at_most_the_size_and_joined_back_in_order()
    {
        var province = TestProvince.Build(streets: 3); // 2,735 units, 600 workers, 300 devices
        var pieces = TopologyPieces.Split(province, size: 1_000);
        Assert.Equal(3, pieces.Count);
        Assert.Equal([1_000, 1_000, 735], pieces.Select(p => p.Units.Count));
        Assert.Equal([600, 0, 0], pieces.Select(p => p.Workers.Count));
        Assert.Equal([1, 0, 0], pieces.Select(p => p.DepartmentList.Count));

        var joined = TopologyPieces.Join(pieces);
        Assert.Equal(province.Units, joined.Units);
        Assert.Equal(province.Workers, joined.Workers);
        Assert.Equal(province.Devices, joined.Devices);
        Assert.Equal(province.DepartmentList, joined.DepartmentList);
    }

    [Theory]
    [InlineData(1_000, 1)]
    [InlineData(1_001, 2)]
    public void A_list_one_past_the_size_takes_a_second_piece(int units, int pieces)
    {
        var city = TestProvince.Build(streets: 1);
        var document = city with { Units = [.. Enumerable.Range(0, units).Select(i => city.Units[i % city.Units.Count])] };
        Assert.Equal(pieces, TopologyPieces.Split(document, size: 1_000).Count);
    }

    [Fact]
    public void An_empty_topology_is_one_empty_piece()
    {
        var piece = Assert.Single(TopologyPieces.Split(TopologyDocument.Empty));
        Assert.Empty(piece.Units);
        Assert.Empty(TopologyPieces.Join([piece]).Units);
    }
}
