using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hub.Tests.Support;

namespace Hub.Tests.Hostile;

/// <summary>
/// Generates request bodies that are each certainly wrong — malformed, truncated, deeply nested,
/// oversized, type-confused, badly encoded, with absurd numbers or dates, or naming what does not
/// exist — starting from valid batches so that the damage is small and close to real traffic.
/// </summary>
public sealed class HostileBodies(int seed)
{
    private readonly Random _random = new(seed);

    public static readonly string[] CheckinRequired = ["worker", "unit", "kind", "at"];
    public static readonly string[] CheckinOptional = ["id", "lat", "lon"];
    public static readonly string[] AlertRequired = ["source", "sourceId", "unit", "category", "severity", "at"];
    public static readonly string[] AlertOptional = ["device", "title", "detail"];

    /// <summary>A valid check-in batch (of fresh ids), as JSON.</summary>
    public JsonArray Checkins() => new(Enumerable.Range(0, _random.Next(1, 6)).Select(_ =>
        (JsonNode)JsonSerializer.SerializeToNode(Reports.Checkin(TestCity.Worker(1, 1, 1), TestCity.Building(1, 1, 1 + _random.Next(3)), "patrol"), HubHost.Json)!)
        .ToArray());

    /// <summary>A valid alert batch (of fresh source ids), as JSON.</summary>
    public JsonArray Alerts() => new(Enumerable.Range(0, _random.Next(1, 6)).Select(_ =>
        (JsonNode)JsonSerializer.SerializeToNode(Reports.Alert(TestCity.Grid(1, 1), device: TestCity.Camera(1, 1)), HubHost.Json)!)
        .ToArray());

    /// <summary>One hostile body for a batch endpoint, built from <paramref name="valid"/>, and what kind of wrong it is.</summary>
    public (byte[] Body, string Kind) Next(JsonArray valid, string[] required, string[] optional)
    {
        var text = valid.ToJsonString();
        switch (_random.Next(12))
        {
            case 0:
                return (Utf8(text[..(_random.Next(1, text.Length))]), "truncated");
            case 1:
                var depth = _random.Next(33, 3000);
                return (Utf8(new string('[', depth) + new string(']', depth)), "deeply nested");
            case 2:
                return (Utf8(_random.Next(3) switch { 0 => "{\"items\": " + text + "}", 1 => "\"" + text.Replace("\"", "'", StringComparison.Ordinal) + "\"", _ => "42" }), "not an array");
            case 3:
                var bytes = Utf8(text).ToList();
                var at = bytes.IndexOf((byte)'"') + 1;
                bytes.InsertRange(at, _random.Next(3) switch { 0 => [0xC3, 0x28], 1 => [0xFF, 0xFE], _ => [0xED, 0xA0, 0x80] });
                return (bytes.ToArray(), "invalid UTF-8");
            case 4:
                return (Utf8(text.Replace("}", ",}", StringComparison.Ordinal)), "trailing comma");
            case 5:
                var field = Pick(required.Concat(optional).ToArray());
                Item(valid)[field] = Confused(numeric: field is "lat" or "lon");
                return (Utf8(valid.ToJsonString()), "type-confused");
            case 6:
                Item(valid).Remove(Pick(required));
                return (Utf8(valid.ToJsonString()), "missing field");
            case 7:
                Item(valid)["at"] = Pick(["9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z", "2026-02-30T10:00:00+08:00", "2026-11-23T25:00:00+08:00",
                    "yesterday", "2026-11-23T09:00:00", "", "2026-11-23T09:00:00+08:00:00", "1e10"]);
                return (Utf8(valid.ToJsonString()), "absurd date");
            case 8:
                var number = Pick(["1e308", "-1e400", "91", "1e-400000", "123456789012345678901234567890"]);
                return (Utf8(valid.ToJsonString().Replace("\"at\":", $"\"lat\":{number},\"lon\":{number},\"at\":", StringComparison.Ordinal)
                    .Replace("\"severity\":", "\"severity\":" + (required.Contains("severity") ? $"{number}, \"x\":" : ""), StringComparison.Ordinal)), "absurd number");
            case 9:
                string[] references = ["unit", "worker", "device", "kind", "severity"];
                string[] wrong = ["NOPE", "<script>alert(1)</script>", "' OR 1=1 --", "../../etc/passwd", new string('W', 65)];
                Item(valid)[Pick(references.Where(f => required.Contains(f) || optional.Contains(f)).ToArray())] = Pick(wrong);
                return (Utf8(valid.ToJsonString()), "unknown or ill-formed reference");
            case 10:
                Item(valid)[Pick(required.Where(f => f is not "at").ToArray())] = new string('长', _random.Next(2_001, 20_000));
                return (Utf8(valid.ToJsonString()), "oversized field");
            default:
                var items = valid.Select(n => n!.DeepClone()).ToList();
                items.Insert(_random.Next(items.Count + 1), _random.Next(2) == 0 ? JsonValue.Create(7) : new JsonArray());
                return (Utf8(new JsonArray(items.ToArray()).ToJsonString()), "an item that is not an object");
        }
    }

    private JsonObject Item(JsonArray batch) => batch[_random.Next(batch.Count)]!.AsObject();

    /// <summary>A value of the wrong JSON type: never a number for a numeric field, never a string for a text field.</summary>
    private JsonNode? Confused(bool numeric) => _random.Next(5) switch
    {
        0 => numeric ? JsonValue.Create("37.8") : JsonValue.Create(_random.Next()),
        1 => JsonValue.Create(true),
        2 => new JsonArray(JsonValue.Create("x")),
        3 => new JsonObject { ["$ne"] = null },
        _ => numeric ? JsonValue.Create("") : JsonValue.Create(-0.5),
    };

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
