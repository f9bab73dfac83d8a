using System.Text.Encodings.Web;
using System.Text.Json;

namespace Hub.Bench;

/// <summary>
/// Writes a province-sized topology file, streamed (it does not fit comfortably in memory as
/// objects): a root over <c>districts</c> districts, each of 12 streets × 10 communities × 13 grids
/// × 10 buildings (17,293 units), six workers per grid and a smoke sensor per building. 63 districts
/// make 1,089,460 units and 98,280 grids — the province of issue 13.
/// </summary>
public static class ProvinceFile
{
    public const int Streets = 12, Communities = 10, Grids = 13, Buildings = 10, WorkersPerGrid = 6;

    public static async Task Write(string path, int districts)
    {
        await using var file = File.Create(path);
        // Chinese names as UTF-8, as files written by people are, not as \u escapes.
        await using var json = new Utf8JsonWriter(file, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        await Each(json, "units", districts, (d, s, c, g) =>
        {
            var district = $"P{d:00}";
            var street = $"{district}S{s:00}";
            var community = $"{street}C{c}";
            var grid = $"{community}G{g:00}";
            if (d == 0 && s == 0 && c == 0 && g == 0)
            {
                Unit(json, "P", "基准省", "city", null);
            }
            if (s == 0 && c == 0 && g == 0)
            {
                Unit(json, district, $"第{d + 1}区", "district", "P");
            }
            if (c == 0 && g == 0)
            {
                Unit(json, street, $"第{s + 1}街道", "street", district);
            }
            if (g == 0)
            {
                Unit(json, community, $"第{c + 1}社区", "community", street);
            }
            Unit(json, grid, $"第{g + 1}网格", "grid", community);
            for (var b = 0; b < Buildings; b++)
            {
                Unit(json, $"{grid}B{b}", $"{b + 1}号楼", "building", grid);
            }
        });
        await Each(json, "workers", districts, (d, s, c, g) =>
        {
            var grid = $"P{d:00}S{s:00}C{c}G{g:00}";
            for (var w = 0; w < WorkersPerGrid; w++)
            {
                json.WriteStartObject();
                json.WriteString("id", $"{grid}W{w}");
                json.WriteString("name", "网格员");
                json.WriteString("grid", grid);
                json.WriteString("role", w == 0 ? "full-time" : "part-time");
                json.WriteEndObject();
            }
        });
        await Each(json, "devices", districts, (d, s, c, g) =>
        {
            var grid = $"P{d:00}S{s:00}C{c}G{g:00}";
            for (var b = 0; b < Buildings; b++)
            {
                json.WriteStartObject();
                json.WriteString("id", $"{grid}B{b}-SMOKE");
                json.WriteString("kind", "smoke-sensor");
                json.WriteString("unit", $"{grid}B{b}");
                json.WriteString("center", $"ZZ-P{d:00}");
                json.WriteEndObject();
            }
        });
        json.WriteEndObject();
    }

    /// <summary>An array of what <paramref name="write"/> writes for each grid, flushed as it grows.</summary>
    private static async Task Each(Utf8JsonWriter json, string name, int districts, Action<int, int, int, int> write)
    {
        json.WriteStartArray(name);
        foreach (var (d, s, c, g) in GridsOf(districts))
        {
            write(d, s, c, g);
            if (json.BytesPending > 1 << 20)
            {
                await json.FlushAsync();
            }
        }
        json.WriteEndArray();
    }

    private static IEnumerable<(int D, int S, int C, int G)> GridsOf(int districts)
    {
        for (var d = 0; d < districts; d++)
        {
            for (var s = 0; s < Streets; s++)
            {
                for (var c = 0; c < Communities; c++)
                {
                    for (var g = 0; g < Grids; g++)
                    {
                        yield return (d, s, c, g);
                    }
                }
            }
        }
    }

    private static void Unit(Utf8JsonWriter json, string code, string name, string level, string? parent)
    {
        json.WriteStartObject();
        json.WriteString("code", code);
        json.WriteString("name", name);
        json.WriteString("level", level);
        if (parent is not null)
        {
            json.WriteString("parent", parent);
        }
        json.WriteEndObject();
    }
}
