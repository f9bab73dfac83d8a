using System.Globalization;

namespace Hub.Grains.Settings;

/// <summary>The sentences a refused setting is told in: the key, what is allowed, what was given.</summary>
public static class SettingsRange
{
    public static void Check(List<string> problems, string key, double value, double min, double max, string? unit = null)
    {
        if (double.IsNaN(value) || value < min || value > max)
        {
            problems.Add($"{key} must be {Number(min)} to {Number(max)}{(unit is null ? "" : " " + unit)}; it is {Number(value)}");
        }
    }

    public static void Positive(List<string> problems, string key, double value, double max, string? unit = null)
    {
        if (double.IsNaN(value) || value <= 0 || value > max)
        {
            problems.Add($"{key} must be more than 0 and at most {Number(max)}{(unit is null ? "" : " " + unit)}; it is {Number(value)}");
        }
    }

    /// <summary>A duration that, when given, is positive and at most <paramref name="max"/>.</summary>
    public static void Duration(List<string> problems, string key, TimeSpan? value, TimeSpan max)
    {
        if (value is { } v && (v <= TimeSpan.Zero || v > max))
        {
            problems.Add($"{key} must be more than 00:00:00 and at most {max:c} (d.hh:mm:ss); it is {v:c}");
        }
    }

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);
}
