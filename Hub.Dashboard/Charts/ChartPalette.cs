using ScottPlot;

namespace Hub.Dashboard.Charts;

/// <summary>Chart colors; each must match the wall screen's CSS so images sit seamlessly in its panels.</summary>
public static class ChartPalette
{
    public static readonly Color Background = Color.FromHex("#0b1220");
    public static readonly Color Panel = Color.FromHex("#111a2e");
    public static readonly Color Grid = Color.FromHex("#22304d");
    public static readonly Color Text = Color.FromHex("#e6edf7");
    public static readonly Color MutedText = Color.FromHex("#8fa3c2");

    public static readonly Color Critical = Color.FromHex("#ff4d4f");
    public static readonly Color Major = Color.FromHex("#ff8c1a");
    public static readonly Color Minor = Color.FromHex("#fadb14");
    public static readonly Color Warning = Color.FromHex("#40a9ff");

    public static readonly Color HealthGreen = Color.FromHex("#52c41a");
    public static readonly Color HealthYellow = Color.FromHex("#fadb14");
    public static readonly Color HealthOrange = Color.FromHex("#fa8c16");
    public static readonly Color HealthRed = Color.FromHex("#f5222d");

    public static readonly Color Checkins = Color.FromHex("#36cfc9");
    public static readonly Color Patrols = Color.FromHex("#9254de");
    public static readonly Color HandlingRate = Color.FromHex("#52c41a");

    /// <summary>The color of a health word as the API spells it; unknown words get the muted color rather than failing.</summary>
    public static Color ForHealth(string? health) => health?.Trim().ToUpperInvariant() switch
    {
        "GREEN" => HealthGreen,
        "YELLOW" => HealthYellow,
        "ORANGE" => HealthOrange,
        "RED" => HealthRed,
        _ => MutedText,
    };
}
