using System.Text.Json;
using Hub.Dashboard.Ingest;
using Hub.Dashboard.Wire;
using Hub.Grains.Alerts;
using Hub.Grains.Model;
using Hub.Grains.Topology;
using Hub.Tests.Support;

namespace Hub.Tests.Unit;

public class AlertReaderTests
{
    private static readonly TopologyIndex Index = new(TestCity.Build(), 1);
    private static readonly Sender Center = Sender.Center("ZZ-01", "key-1");
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-11-23T09:20:00+08:00");

    private static BatchRead<AlertReport> Read(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return AlertReader.Read(doc.RootElement, Index, Now, Center);
    }

    [Fact]
    public void A_good_alert_reads_whole()
    {
        var read = Read("""[{"source":"ZZ-01","sourceId":"evt-889","unit":"D1-S1-C1-G1-B1","device":"SMK-1-1","category":"fire","severity":"critical","at":"2026-11-23T09:16:02+08:00","title":"烟火识别","detail":"3号楼东侧"}]""");
        Assert.True(read.IsValid, string.Join("; ", read.Errors));
        Assert.Equal(
            new AlertReport("ZZ-01", "evt-889", "D1-S1-C1-G1-B1", "SMK-1-1", "fire", Severity.Critical, DateTimeOffset.Parse("2026-11-23T09:16:02+08:00"), "烟火识别", "3号楼东侧", Center),
            read.Items[0]);
    }

    [Fact]
    public void Any_unit_may_hold_an_alert_and_device_title_detail_are_optional()
    {
        var read = Read("""[{"source":"ZZ-01","sourceId":"e1","unit":"D1","category":"crowd","severity":"warning","at":"2026-11-23T09:16:02+08:00"}]""");
        Assert.True(read.IsValid, string.Join("; ", read.Errors));
    }

    [Theory]
    [InlineData(""" "unit":"NOPE" """, "[0].unit: unknown unit 'NOPE'")]
    [InlineData(""" "device":"NOPE" """, "[0].device: unknown device 'NOPE'")]
    [InlineData(""" "severity":"urgent" """, "[0].severity: 'urgent' is not one of critical, major, minor, warning")]
    [InlineData(""" "category":"01234567890123456789012345678901234567890" """, "[0].category: longer than 40 characters")]
    [InlineData(""" "source":"" """, "[0].source: must not be empty")]
    [InlineData(""" "sourceId":null """, "[0].sourceId: required")]
    [InlineData(""" "title":["烟火"] """, "[0].title: must be a string")]
    public void Each_rule_names_the_item_and_field(string change, string error)
    {
        var item = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(
            """{"source":"ZZ-01","sourceId":"e1","unit":"D1-S1-C1-G1","device":"CAM-1-1","category":"crowd","severity":"major","at":"2026-11-23T09:16:02+08:00","title":"t"}""")!;
        foreach (var (key, value) in JsonSerializer.Deserialize<Dictionary<string, JsonElement>>("{" + change + "}")!)
        {
            item[key] = value;
        }
        var read = Read(JsonSerializer.Serialize(new[] { item }));
        Assert.Equal([error], read.Errors);
    }

    [Fact]
    public void A_lone_surrogate_is_not_valid_unicode()
    {
        var read = Read("""[{"source":"ZZ-01","sourceId":"e1","unit":"D1","category":"crowd","severity":"major","at":"2026-11-23T09:16:02+08:00","title":"\ud800x"}]""");
        Assert.Equal(["[0].title: is not valid Unicode"], read.Errors);
    }
}
