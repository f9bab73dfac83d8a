using System.Text.Json;
using Hub.Grains.Model;

namespace Hub.Dashboard.Api.Views;

/// <summary>A unit's map (一张图): its children's shapes with their health, and its active alerts where they happen.</summary>
/// <param name="Bounds">West, south, east, north of what is drawn (degrees, WGS 84); null when nothing here has a shape.</param>
/// <param name="Outline">The unit's own shape as GeoJSON, simplified for the screen.</param>
/// <param name="Tiles">The city's own raster tile server (<c>Hub:Map:TileUrl</c>, with <c>{z}</c>, <c>{x}</c>, <c>{y}</c>), or null.</param>
public sealed record UnitMapView(
    string Code,
    string Name,
    UnitLevel Level,
    Health Health,
    long Version,
    double[]? Bounds,
    JsonElement? Outline,
    IReadOnlyList<MapChildView> Children,
    IReadOnlyList<MapAlertView> Alerts,
    string? Tiles);

/// <summary>One child on the map.</summary>
/// <param name="Geometry">Its shape as GeoJSON (a Polygon or MultiPolygon for an area, a Point for a building), simplified; null when it has none.</param>
/// <param name="Label">Where its name goes: [longitude, latitude] inside it; null without a shape.</param>
public sealed record MapChildView(
    string Code, string Name, UnitLevel Level, Health Health, int Active, int Critical, JsonElement? Geometry, double[]? Label);

/// <summary>An active alert at its place: the device's point, else its building's, else inside the nearest area above it.</summary>
/// <param name="Point">[longitude, latitude].</param>
public sealed record MapAlertView(string Id, string Unit, Severity Severity, AlertState State, string Category, string? Title, double[] Point);
