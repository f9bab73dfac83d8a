using System.Text.Json;
using Hub.Grains.Time;
using Hub.Grains.Topology;

namespace Hub.Silo.Demo;

/// <summary>Plausible days of a city: a case or two per grid a day, most handled in time, most targets patrolled.</summary>
public static class DemoPastRecords
{
    private static readonly string[] Categories = ["dumping", "road-occupation", "parking", "manhole", "water", "crowd", "smoke"];

    public static IEnumerable<JsonElement> Cases(TopologyIndex index, DateOnly today, int days, HubClock clock)
    {
        var now = clock.Now;
        var grids = index.Units.Where(u => u.Level == Hub.Grains.Model.UnitLevel.Grid).OrderBy(u => u.Code, StringComparer.Ordinal).ToArray();
        for (var d = days; d >= 1; d--)
        {
            var day = today.AddDays(-d);
            var random = new Random(day.DayNumber);
            foreach (var grid in grids)
            {
                for (var n = random.Next(0, 3); n > 0; n--)
                {
                    var unit = grid.Children.Count > 0 && random.Next(2) == 0 ? grid.Children[random.Next(grid.Children.Count)] : grid.Code;
                    var reported = clock.StartOf(day).AddHours(7 + random.Next(14)).AddMinutes(random.Next(60));
                    var severity = random.Next(20) switch { 0 => "critical", < 4 => "major", < 13 => "minor", _ => "warning" };
                    var fate = random.Next(100);
                    var (rejected, open, late) = (fate < 2, fate is >= 2 and < 4, fate is >= 4 and < 12);
                    var resolvedAfter = late ? TimeSpan.FromHours(80 + random.Next(20)) : TimeSpan.FromMinutes(30 + random.Next(40));
                    // A late case of the last days is still being handled: the past holds nothing after now.
                    open |= !rejected && reported + resolvedAfter + TimeSpan.FromMinutes(40) > now;
                    var handled = !rejected && !open;
                    var closed = handled && random.Next(10) > 0;
                    var record = new Dictionary<string, object?>
                    {
                        ["center"] = DemoPast.Center,
                        ["sourceId"] = $"{day:yyyyMMdd}-{grid.Code}-{n}",
                        ["unit"] = unit,
                        ["category"] = Categories[random.Next(Categories.Length)],
                        ["severity"] = severity,
                        ["title"] = null,
                        ["reportedAt"] = reported,
                        ["acceptedAt"] = rejected ? null : reported.AddMinutes(1 + random.Next(8)),
                        ["dispatchedAt"] = handled || open ? reported.AddMinutes(10 + random.Next(15)) : null,
                        ["resolvedAt"] = handled ? reported + resolvedAfter : null,
                        ["verifiedAt"] = closed ? reported + resolvedAfter + TimeSpan.FromMinutes(20) : null,
                        ["closedAt"] = closed ? reported + resolvedAfter + TimeSpan.FromMinutes(40) : null,
                        ["rejectedAt"] = rejected ? reported.AddMinutes(5) : null,
                        ["rating"] = closed && random.Next(3) > 0 ? 3 + random.Next(3) : null,
                    };
                    yield return JsonSerializer.SerializeToElement(record.Where(p => p.Value is not null).ToDictionary());
                }
            }
        }
    }

    public static IEnumerable<JsonElement> Visits(TopologyIndex index, DateOnly today, int days, HubClock clock)
    {
        var grids = index.Units.Where(u => u.Level == Hub.Grains.Model.UnitLevel.Grid).OrderBy(u => u.Code, StringComparer.Ordinal).ToArray();
        for (var d = days; d >= 1; d--)
        {
            var day = today.AddDays(-d);
            var random = new Random(-day.DayNumber);
            foreach (var grid in grids)
            {
                if (index.WorkersOf(grid.Code) is not [var worker, ..])
                {
                    continue;
                }
                var targets = grid.Children.Count > 0 ? grid.Children : [grid.Code];
                foreach (var target in targets.Where(_ => random.Next(100) < 88))
                {
                    yield return JsonSerializer.SerializeToElement(new
                    {
                        id = $"{day:yyyyMMdd}-{target}",
                        worker = worker.Id,
                        unit = target,
                        at = clock.StartOf(day).AddHours(8 + random.Next(10)).AddMinutes(random.Next(60)),
                    });
                }
            }
        }
    }
}
