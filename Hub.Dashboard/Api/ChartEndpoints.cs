using Hub.Dashboard.Access;
using Hub.Dashboard.Charts;
using Hub.Dashboard.OpenApi;
using Hub.Grains.History;
using Hub.Grains.Time;
using Hub.Grains.Topology;
using Hub.Grains.Units;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ScottPlot;

namespace Hub.Dashboard.Api;

/// <summary>API.md §8: trend charts drawn on the server, PNG or SVG, in the wall screen's colors.</summary>
public static class ChartEndpoints
{
    public const string AlertsByHour = "alerts-24h";
    public const string CheckinsByHour = "checkins-24h";
    public const string HandlingByDay = "handling-30d";
    public const string ChildrenHealth = "children-health";

    private const int DefaultWidth = 1200, DefaultHeight = 600;

    public static RouteGroupBuilder MapCharts(this RouteGroupBuilder api)
    {
        api.MapGet("/units/{code}/charts/{file}", Chart).Allow(Permission.Read)
            .WithSummary("A trend chart of a unit as PNG or SVG (alerts-24h, checkins-24h, handling-30d, children-health)").WithTags("Charts")
            .AnswersFile("image/png", "image/svg+xml").Refuses(400, 403, 404);
        return api;
    }

    private static async Task<IResult> Chart(
        string code, string file, Caller caller, HttpRequest request, TopologyCatalog topology, IGrainFactory grains, IHistoryStats history,
        HubClock clock, ChartRenderer charts)
    {
        if (topology.Current.Find(code) is not { } node)
        {
            return Problems.NotFound($"unknown unit '{code}'");
        }
        if (!caller.Covers(topology.Current, code))
        {
            return Problems.OutsideScope(caller, code);
        }
        var (name, format) = (Path.GetFileNameWithoutExtension(file), Path.GetExtension(file));
        if (format is not (".png" or ".svg"))
        {
            return Problems.NotFound($"unknown chart '{file}': ask for .png or .svg");
        }
        var errors = new List<string>();
        var width = QueryParams.WholeNumber(request, "width", DefaultWidth, 300, 3840, errors);
        var height = QueryParams.WholeNumber(request, "height", DefaultHeight, 200, 2160, errors);
        if (errors.Count > 0)
        {
            return Problems.BadRequest(string.Join("; ", errors), errors);
        }
        var cancel = request.HttpContext.RequestAborted;
        using Plot? plot = name switch
        {
            AlertsByHour => charts.AlertsByHour(node.Name, (await LastDay(code, history, clock, cancel))
                .Select(h => new HourlyAlerts(h.Hour, h.Critical, h.Major, h.Minor, h.Warning)).ToArray()),
            CheckinsByHour => charts.CheckinsByHour(node.Name, (await LastDay(code, history, clock, cancel))
                .Select(h => new HourlyCheckins(h.Hour, h.Checkins, h.Patrols)).ToArray()),
            HandlingByDay => charts.HandlingByDay(node.Name, await LastMonth(code, history, clock, cancel)),
            ChildrenHealth => charts.ChildrenHealth(node.Name, await Children(node, grains)),
            _ => null,
        };
        if (plot is null)
        {
            return Problems.NotFound($"unknown chart '{name}': one of {AlertsByHour}, {CheckinsByHour}, {HandlingByDay}, {ChildrenHealth}");
        }
        return format == ".png"
            ? Results.File(ChartRenderer.Png(plot, width, height), "image/png")
            : Results.Text(ChartRenderer.Svg(plot, width, height), "image/svg+xml", System.Text.Encoding.UTF8);
    }

    /// <summary>The 24 clock hours up to now, each shown in the hub's zone; hours without history are zeros.</summary>
    private static async Task<HourHistory[]> LastDay(string code, IHistoryStats history, HubClock clock, CancellationToken cancel)
    {
        var now = clock.Now;
        var end = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerHour), TimeSpan.Zero).AddHours(1);
        var first = end.AddHours(-24);
        var known = (await history.Hours(code, first, end, cancel)).ToDictionary(h => h.Hour.UtcTicks);
        return Enumerable.Range(0, 24)
            .Select(i => first.AddHours(i))
            .Select(hour => (known.GetValueOrDefault(hour.UtcTicks) ?? HourHistory.Zero(hour)) with { Hour = clock.InZone(hour) })
            .ToArray();
    }

    private static async Task<DailyHandling[]> LastMonth(string code, IHistoryStats history, HubClock clock, CancellationToken cancel)
    {
        var today = clock.Today;
        var known = (await history.Days(code, today.AddDays(-29), today, cancel)).ToDictionary(d => d.Day);
        return Enumerable.Range(0, 30)
            .Select(i => today.AddDays(i - 29))
            .Select(day => known.GetValueOrDefault(day) is { } d
                ? new DailyHandling(day, d.Raised, d.Handled, Grains.Rollup.Rate.Of(d.Handled, d.Raised))
                : new DailyHandling(day, 0, 0, null))
            .ToArray();
    }

    private static async Task<ChildBar[]> Children(UnitNode node, IGrainFactory grains)
    {
        var status = await UnitGrains.Of(grains, node).GetStatus(node.Code);
        return status?.Children
            .Select(c => new ChildBar(c.Name, c.Alerts.Active, c.Alerts.Critical))
            .ToArray() ?? [];
    }

}
