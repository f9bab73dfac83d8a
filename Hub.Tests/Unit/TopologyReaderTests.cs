using System.Text;
using Hub.Dashboard.Wire;
using Hub.Grains.Topology;
using Hub.Tests.Support;

namespace Hub.Tests.Unit;

/// <summary>The topology is read as it streams in: chunk boundaries anywhere, problems by path, bounds on both sides.</summary>
public class TopologyReaderTests
{
    /// <summary>A stream that hands out at most <paramref name="chunk"/> bytes per read, as a slow network does.</summary>
    private sealed class Trickle(byte[] data, int chunk) : MemoryStream(data)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(chunk, buffer.Length)], cancellationToken);
    }

    private static Task<(TopologyDocument? Document, IReadOnlyList<string> Errors)> Read(string json, int chunk = 1 << 16, long maxBytes = long.MaxValue) =>
        TopologyReader.Read(new Trickle(Encoding.UTF8.GetBytes(json), chunk), maxBytes, CancellationToken.None);

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4096)]
    public async Task A_province_shaped_topology_reads_the_same_whatever_the_chunks(int chunk)
    {
        var province = TestProvince.Build(streets: 2, communities: 3);
        var (document, errors) = await Read(HubHost.Serialize(province), chunk);
        Assert.Empty(errors);
        Assert.Equal(province.Units, document!.Units);
        Assert.Equal(province.Workers, document.Workers);
        Assert.Equal(province.Devices, document.Devices);
        Assert.Equal(province.DepartmentList, document.DepartmentList);
    }

    [Fact]
    public async Task Problems_are_named_by_path_and_unknown_fields_are_ignored()
    {
        var (document, errors) = await Read("""
            {"note": {"any": [1, 2]}, "units": [{"code": "P", "name": "省", "level": "city"}, "P-D", {"code": "P-D", "level": "district", "parent": "P"}],
             "workers": 5, "devices": null}
            """, chunk: 3);
        Assert.Null(document);
        Assert.Equal(["units[1]: must be a JSON object", "units[2].name: required", "workers: must be an array"], errors);
    }

    [Theory]
    [InlineData("", "does not contain any JSON tokens")]
    [InlineData("[]", "must be a JSON object")]
    [InlineData("{\"units\": [", "Expected depth to be zero")]
    [InlineData("{\"units\": []} {}", "is invalid after a single JSON value")]
    [InlineData("{\"units\": [], \"units\": []}", "'units' is given twice")]
    [InlineData("{\"workers\": []}", "units: required")]
    public async Task Malformed_topologies_are_refused_saying_why(string json, string why)
    {
        var (document, errors) = await Read(json, chunk: 2);
        Assert.Null(document);
        Assert.Contains(why, Assert.Single(errors), StringComparison.Ordinal);
    }

    [Fact]
    public async Task At_most_a_thousand_problems_are_listed_and_the_rest_counted()
    {
        var units = string.Join(',', Enumerable.Range(0, 1_500).Select(_ => "{\"code\": \"bad code\"}"));
        var (_, errors) = await Read($"{{\"units\": [{units}]}}");
        // Each unit has two problems: no name, no level.
        Assert.Equal(TopologyReader.MaxErrorsListed + 1, errors.Count);
        Assert.Equal($"… and {(1_500 * 2) - TopologyReader.MaxErrorsListed} more", errors[^1]);
    }

    [Fact]
    public async Task An_entry_up_to_the_bound_is_read_and_one_past_it_is_refused()
    {
        static string Unit(int bytes)
        {
            var head = "{\"code\": \"P\", \"level\": \"city\", \"name\": \"\"}";
            return head.Insert(head.Length - 2, new string('x', bytes - head.Length));
        }
        var fits = await Read($"{{\"units\": [{Unit(JsonObjectStream.MaxEntryBytes)}]}}");
        Assert.Equal(["units[0].name: longer than 1000 characters"], fits.Errors);
        var tooLong = await Read($"{{\"units\": [{Unit(JsonObjectStream.MaxEntryBytes + 1)}]}}");
        Assert.Contains("longer than 1048576 bytes", Assert.Single(tooLong.Errors), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    public async Task A_body_past_its_byte_limit_is_refused(int over, bool refused)
    {
        var json = HubHost.Serialize(TestProvince.Build(streets: 1, communities: 1));
        var limit = Encoding.UTF8.GetByteCount(json) - over;
        var read = () => Read(json, maxBytes: limit);
        if (refused)
        {
            await Assert.ThrowsAsync<BodyTooLargeException>(read);
        }
        else
        {
            Assert.Empty((await read()).Errors);
        }
    }
}
