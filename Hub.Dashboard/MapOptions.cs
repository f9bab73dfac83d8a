namespace Hub.Dashboard;

/// <summary>The wall's map (<c>Hub:Map</c>): shapes come from the topology; raster tiles only from the city's own server.</summary>
public sealed class MapOptions : Hub.Grains.Settings.ICheckedSettings
{
    public const string Section = "Hub:Map";

    private static readonly string[] TileParts = ["{z}", "{x}", "{y}"];

    /// <summary>
    /// A raster tile server on the city's own network, as a template with <c>{z}</c>, <c>{x}</c> and
    /// <c>{y}</c> (Web Mercator, e.g. <c>http://tiles.city.internal/{z}/{x}/{y}.png</c>); null: no tiles.
    /// A command center's network reaches no public server, so none is built in.
    /// </summary>
    public string? TileUrl { get; set; }

    /// <summary>The tile server's origin, which the wall's content policy lets images come from.</summary>
    public string? TileOrigin => TileUrl is { Length: > 0 } url && Uri.TryCreate(url.Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal), UriKind.Absolute, out var uri)
        ? uri.GetLeftPart(UriPartial.Authority)
        : null;

    public IReadOnlyList<string> Problems()
    {
        if (string.IsNullOrEmpty(TileUrl))
        {
            return [];
        }
        var problems = new List<string>();
        if (TileOrigin is null || !(TileUrl.StartsWith("http://", StringComparison.Ordinal) || TileUrl.StartsWith("https://", StringComparison.Ordinal)))
        {
            problems.Add($"{Section}:TileUrl must be an http or https address; it is '{TileUrl}'");
        }
        foreach (var part in TileParts.Where(p => !TileUrl.Contains(p, StringComparison.Ordinal)))
        {
            problems.Add($"{Section}:TileUrl must hold {part}; it is '{TileUrl}'");
        }
        return problems;
    }
}
