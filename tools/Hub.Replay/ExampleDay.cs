using System.Text.Json;
using Hub.Grains.Topology;

namespace Hub.Replay;

/// <summary>
/// Writes the example day shipped in <c>days/</c>, for the demo city: the first district's workers
/// start their shift and patrol their buildings, sensors and cameras report, officers accept,
/// dispatch, resolve, verify and close, a report is rejected. Deterministic: the same file every time.
/// </summary>
public static class ExampleDay
{
    public static IEnumerable<string> Lines(TopologyDocument city)
    {
        var random = new Random(20261201);
        var lines = new List<(TimeSpan After, object Event)>();
        var district = city.Units.First(u => u.Level == Hub.Grains.Model.UnitLevel.District).Code;
        var index = new TopologyIndex(city, 1);
        var grids = index.Units.Where(u => u.Level == Hub.Grains.Model.UnitLevel.Grid && u.Path.Contains(district)).OrderBy(u => u.Code, StringComparer.Ordinal).Take(12).ToArray();
        var n = 0;
        foreach (var grid in grids)
        {
            var worker = index.WorkersOf(grid.Code)[0];
            var start = TimeSpan.FromHours(8) + TimeSpan.FromMinutes(random.Next(20));
            lines.Add((start, new { checkin = new { id = $"d{++n}", worker = worker.Id, unit = grid.Code, kind = "start" } }));
            var at = start;
            foreach (var building in grid.Children.Count > 0 ? grid.Children : [grid.Code])
            {
                at += TimeSpan.FromMinutes(15 + random.Next(30));
                lines.Add((at, new { checkin = new { id = $"d{++n}", worker = worker.Id, unit = building, kind = "patrol" } }));
            }
            lines.Add((TimeSpan.FromHours(17) + TimeSpan.FromMinutes(random.Next(30)), new { checkin = new { id = $"d{++n}", worker = worker.Id, unit = grid.Code, kind = "end" } }));
        }
        string[] categories = ["dumping", "road-occupation", "parking", "smoke", "water"];
        for (var a = 1; a <= 16; a++)
        {
            var grid = grids[random.Next(grids.Length)];
            var unit = grid.Children.Count > 0 ? grid.Children[random.Next(grid.Children.Count)] : grid.Code;
            var category = categories[random.Next(categories.Length)];
            var severity = category is "smoke" ? "major" : a % 5 == 0 ? "minor" : "warning";
            var raised = TimeSpan.FromHours(8.5) + TimeSpan.FromMinutes(random.Next(8 * 60));
            var sourceId = $"day-{a}";
            lines.Add((raised, new { alert = new { source = "replay", sourceId, unit, category, severity, title = $"回放案件 {a}" } }));
            var step = raised + TimeSpan.FromMinutes(2 + random.Next(6));
            if (a % 8 == 0)
            {
                lines.Add((step, new { action = new { sourceId, @do = "reject", body = new { reason = "重复上报" } } }));
                continue;
            }
            lines.Add((step, new { action = new { sourceId, @do = "ack", body = new { note = "收到" } } }));
            if (a % 4 == 0)
            {
                continue; // still waiting for dispatch at the end of the day
            }
            step += TimeSpan.FromMinutes(5 + random.Next(20));
            lines.Add((step, new { action = new { sourceId, @do = "dispatch", body = new { assignee = "网格员", note = "请处置" } } }));
            step += TimeSpan.FromMinutes(30 + random.Next(60));
            lines.Add((step, new { action = new { sourceId, @do = "resolve", body = new { note = "已处置" } } }));
            step += TimeSpan.FromMinutes(10 + random.Next(20));
            lines.Add((step, new { action = new { sourceId, @do = "verify", body = new { passed = true } } }));
            step += TimeSpan.FromMinutes(5);
            lines.Add((step, new { action = new { sourceId, @do = "close", body = new { note = "结案" } } }));
        }
        return lines
            .OrderBy(l => l.After)
            .Select(l =>
            {
                var node = JsonSerializer.SerializeToNode(l.Event)!.AsObject();
                node.Insert(0, "after", $"{l.After:hh\\:mm\\:ss}");
                return node.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            });
    }
}
