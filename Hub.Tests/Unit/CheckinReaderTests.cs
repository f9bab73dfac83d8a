using System.Text.Json;
using Hub.Dashboard.Ingest;
using Hub.Dashboard.Wire;
using Hub.Grains.Model;
using Hub.Grains.Topology;
using Hub.Tests.Support;

namespace Hub.Tests.Unit;

public class CheckinReaderTests
{
    private static readonly TopologyIndex Index = new(TestCity.Build(), 1);
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-11-23T09:20:00+08:00");

    private static BatchRead<CheckinReport> Read(string json, string scope = Hub.Grains.Access.Jurisdiction.Everything)
    {
        using var doc = JsonDocument.Parse(json);
        return CheckinReader.Read(doc.RootElement, Index, Now, scope);
    }

    private static string One(string fields) => $"[{{{fields}}}]";

    private const string Good = """ "id":"c1","worker":"W-1-1-1","unit":"D1-S1-C1-G1-B2","kind":"patrol","at":"2026-11-23T09:15:00+08:00","lat":37.8,"lon":112.5 """;

    [Fact]
    public void A_good_checkin_reads_whole()
    {
        var read = Read(One(Good));
        Assert.True(read.IsValid, string.Join("; ", read.Errors));
        var c = Assert.Single(read.Items);
        Assert.Equal(new CheckinReport("c1", "W-1-1-1", "D1-S1-C1-G1-B2", CheckinKind.Patrol, DateTimeOffset.Parse("2026-11-23T09:15:00+08:00"), 37.8, 112.5), c);
    }

    [Fact]
    public void Id_and_position_are_optional()
    {
        var read = Read(One(""" "worker":"W-1-1-1","unit":"D1-S1-C1-G1","kind":"start","at":"2026-11-23T01:00:00Z" """));
        Assert.True(read.IsValid, string.Join("; ", read.Errors));
        Assert.Null(read.Items[0].Id);
    }

    [Theory]
    [InlineData(""" "worker":"NOPE","unit":"D1-S1-C1-G1","kind":"start","at":"2026-11-23T09:00:00+08:00" """, "[0].worker: unknown worker 'NOPE'")]
    [InlineData(""" "worker":"W-1-1-1","unit":"NOPE","kind":"start","at":"2026-11-23T09:00:00+08:00" """, "[0].unit: unknown unit 'NOPE'")]
    [InlineData(""" "worker":"W-1-1-1","unit":"D1-S1-C1-G2-B1","kind":"start","at":"2026-11-23T09:00:00+08:00" """, "[0].unit: 'D1-S1-C1-G2-B1' is not worker W-1-1-1's grid 'D1-S1-C1-G1' or one of its buildings")]
    [InlineData(""" "worker":"W-1-1-1","unit":"D1-S1-C1-G1","kind":"lunch","at":"2026-11-23T09:00:00+08:00" """, "[0].kind: 'lunch' is not one of start, patrol, end")]
    [InlineData(""" "worker":"W-1-1-1","unit":"D1-S1-C1-G1","kind":"start" """, "[0].at: required")]
    [InlineData(""" "worker":"W-1-1-1","unit":"D1-S1-C1-G1","kind":"start","at":"2026-11-23T09:00:00" """, "[0].at: '2026-11-23T09:00:00' is not an ISO-8601 time with an offset")]
    [InlineData(""" "worker":"W-1-1-1","unit":"D1-S1-C1-G1","kind":"start","at":"2026-11-23T09:25:01+08:00" """, "[0].at: 2026-11-23T09:25:01.0000000+08:00 is more than 5 minutes in the future")]
    [InlineData(""" "worker":"W-1-1-1","unit":"D1-S1-C1-G1","kind":"start","at":"1970-01-01T00:00:00Z" """, "[0].at: 1970-01-01T00:00:00.0000000+00:00 is before 2000-01-01")]
    [InlineData(""" "worker":7,"unit":"D1-S1-C1-G1","kind":"start","at":"2026-11-23T09:00:00+08:00" """, "[0].worker: must be a string")]
    [InlineData(""" "worker":"W-1-1-1","unit":"D1-S1-C1-G1","kind":"start","at":"2026-11-23T09:00:00+08:00","lat":91 """, "[0].lat: must be between -90 and 90")]
    [InlineData(""" "worker":"W-1-1-1","unit":"D1-S1-C1-G1","kind":"start","at":"2026-11-23T09:00:00+08:00","lon":"east" """, "[0].lon: must be a number")]
    public void Each_rule_names_the_item_and_field(string fields, string error)
    {
        var read = Read(One(fields));
        Assert.Equal([error], read.Errors);
    }

    [Fact]
    public void Exactly_five_minutes_ahead_is_still_accepted() =>
        Assert.True(Read(One(""" "worker":"W-1-1-1","unit":"D1-S1-C1-G1","kind":"start","at":"2026-11-23T09:25:00+08:00" """)).IsValid);

    [Fact]
    public void A_check_in_at_a_street_is_refused()
    {
        var read = Read(One(""" "worker":"W-1-1-1","unit":"D1-S1","kind":"start","at":"2026-11-23T09:00:00+08:00" """));
        Assert.Single(read.Errors);
    }

    [Fact]
    public void Every_bad_item_is_listed_with_its_index()
    {
        var read = Read($$"""[{{{Good}}}, 5, {"worker":"NOPE"}, {{{Good}}}]""");
        Assert.Equal(
        [
            "[1]: must be a JSON object",
            "[2].unit: required",
            "[2].kind: required",
            "[2].at: required",
            "[2].worker: unknown worker 'NOPE'",
        ], read.Errors);
    }

    [Fact]
    public void Outside_the_scope_a_worker_or_unit_is_named_as_outside_and_nothing_else_is_said_of_it()
    {
        const string ForeignWorker = """{"worker":"W-2-1-1","unit":"D1-S1-C1-G1","kind":"start","at":"2026-11-23T09:00:00+08:00"}""";
        const string ForeignUnit = """{"worker":"W-1-1-1","unit":"D1-S2-C1-G1","kind":"start","at":"2026-11-23T09:00:00+08:00"}""";
        var read = Read($$"""[{{{Good}}}, {{ForeignWorker}}, {{ForeignUnit}}]""", scope: "D1-S1");
        Assert.Equal(["[1].worker: 'W-2-1-1' is outside the scope", "[2].unit: 'D1-S2-C1-G1' is outside the scope"], read.Outside);
        Assert.Empty(read.Errors);
        Assert.Empty(read.Items);
    }

    [Fact]
    public void A_batch_with_a_bad_item_yields_no_items_at_all() =>
        Assert.Empty(Read($$"""[{{{Good}}}, {"worker":"NOPE"}]""").Items);
}
