using System.Text.Json;
using Hub.Dashboard.Access;
using Hub.Dashboard.Api.Views;
using Hub.Dashboard.OpenApi;
using Hub.Grains.Geography;
using Hub.Grains.History;
using Hub.Grains.Model;
using Hub.Grains.Topology;
using Hub.Grains.Units;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using NetTopologySuite.IO.Converters;

namespace Hub.Dashboard.Api;

/// <summary>The map (一张图): a unit's children as shapes colored by health, drawn from the topology's own geometry.</summary>
public static class MapEndpoints
{
    /// <summary>Alerts placed on one map, most important first; past these the wall's list says the rest.</summary>
    public const int MaxAlertsDrawn = 500;

    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    public static RouteGroupBuilder MapMaps(this RouteGroupBuilder api)
    {
        api.MapGet("/units/{code}/map", Map).Allow(Permission.Read)
            .WithSummary("A unit's map: its children's shapes simplified for the screen with their health, and its active alerts at their points").WithTags("Units")
            .Answers<UnitMapView>().Refuses(403, 404);
        return api;
    }

    private static async Task<IResult> Map(
        string code, Caller caller, HttpContext http, TopologyCatalog topology, MapShapes shapes, IGrainFactory grains, IAlertJournal journal, IOptions<MapOptions> options)
    {
        var index = topology.Current;
        var (node, problem) = ScopedUnit.Find(index, caller, code);
        if (node is null)
        {
            return problem!;
        }
        var status = await UnitGrains.Of(grains, node).GetStatus(code);
        if (status is null)
        {
            return Problems.NotFound($"unknown unit '{code}'");
        }
        var layer = shapes.LayerOf(index, node);
        var health = status.Children.ToDictionary(c => c.Code, StringComparer.Ordinal);
        var children = layer.Children.Select(c =>
        {
            var child = index.Find(c.Code)!;
            var now = health.GetValueOrDefault(c.Code);
            return new MapChildView(child.Code, child.Name, child.Level, now?.Health ?? Health.Green, now?.Alerts.Active ?? 0, now?.Alerts.Critical ?? 0, Json(c.Shape), c.Label);
        }).ToArray();
        var active = await journal.Find(new AlertQuery(code, null, ActiveOnly: true, null, MaxAlertsDrawn) { ByImportance = true }, http.RequestAborted);
        var alerts = active
            .Select(a => (Alert: a, Point: shapes.PointOf(index, a.Unit, a.Device)))
            .Where(a => a.Point is not null)
            .Select(a => new MapAlertView(a.Alert.Id, a.Alert.Unit, a.Alert.Severity, a.Alert.State, a.Alert.Category, a.Alert.Title, [Math.Round(a.Point!.X, 6), Math.Round(a.Point.Y, 6)]))
            .ToArray();
        return Results.Ok(new UnitMapView(node.Code, node.Name, node.Level, status.Health, index.Version, layer.Bounds, Json(layer.Outline), children, alerts, options.Value.TileUrl));
    }

    private static JsonElement? Json(NetTopologySuite.Geometries.Geometry? shape) => shape is null ? null : JsonSerializer.SerializeToElement(shape, GeoJson);
}
