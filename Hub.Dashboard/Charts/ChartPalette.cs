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

    // Severity colors are apart from the health colors of the tiles, in hue and, for colour-blind
    // viewers, in lightness: the same in wall.css (--sev-*), checked there in Chromium.
    public static readonly Color Critical = Color.FromHex("#ff3d8b");
    public static readonly Color Major = Color.FromHex("#a77bff");
    public static readonly Color Minor = Color.FromHex("#36cfc9");
    public static readonly Color Warning = Color.FromHex("#7f9cc4");

    /// <summary>Active alerts, whatever their unit's health.</summary>
    public static readonly Color Active = Color.FromHex("#4a8fe0");

    public static readonly Color Checkins = Color.FromHex("#3ecf7e");
    public static readonly Color Patrols = Color.FromHex("#9254de");
    public static readonly Color HandlingRate = Color.FromHex("#52c41a");
}
