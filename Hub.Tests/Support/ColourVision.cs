using System.Globalization;
using System.Text.RegularExpressions;

namespace Hub.Tests.Support;

/// <summary>
/// How colours look to viewers with each kind of dichromacy (Machado, Oliveira and Fernandes 2009,
/// severity 1, applied in linear RGB), and the measures the wall's colours are held to: the CIELAB
/// distance between two colours and the WCAG contrast ratio of their luminances.
/// </summary>
public static partial class ColourVision
{
    public enum Vision { Normal, Protanopia, Deuteranopia, Tritanopia }

    private static readonly Dictionary<Vision, double[,]> Matrices = new()
    {
        [Vision.Normal] = new double[,] { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } },
        [Vision.Protanopia] = new[,] { { 0.152286, 1.052583, -0.204868 }, { 0.114503, 0.786281, 0.099216 }, { -0.003882, -0.048116, 1.051998 } },
        [Vision.Deuteranopia] = new[,] { { 0.367322, 0.860646, -0.227968 }, { 0.280085, 0.672501, 0.047413 }, { -0.011820, 0.042940, 0.968881 } },
        [Vision.Tritanopia] = new[,] { { 1.255528, -0.076749, -0.178779 }, { -0.078411, 0.930809, 0.147602 }, { 0.004733, 0.691367, 0.303900 } },
    };

    /// <summary>A colour as a page's computed style gives it: "rgb(204, 31, 42)" (an alpha, if any, is ignored).</summary>
    public static (double R, double G, double B) Parse(string css)
    {
        var m = RgbPattern().Match(css);
        if (!m.Success)
        {
            throw new FormatException($"not an rgb() colour: {css}");
        }
        double Channel(int i) => double.Parse(m.Groups[i].Value, CultureInfo.InvariantCulture) / 255;
        return (Channel(1), Channel(2), Channel(3));
    }

    /// <summary>The colour as a viewer with <paramref name="vision"/> sees it, in linear RGB.</summary>
    public static double[] Seen((double R, double G, double B) srgb, Vision vision)
    {
        double[] linear = [Linear(srgb.R), Linear(srgb.G), Linear(srgb.B)];
        var m = Matrices[vision];
        var seen = new double[3];
        for (var i = 0; i < 3; i++)
        {
            seen[i] = Math.Clamp(m[i, 0] * linear[0] + m[i, 1] * linear[1] + m[i, 2] * linear[2], 0, 1);
        }
        return seen;
    }

    /// <summary>CIE76 ΔE between two colours as a viewer with <paramref name="vision"/> sees them.</summary>
    public static double Distance(string a, string b, Vision vision)
    {
        var (la, lb) = (Lab(Seen(Parse(a), vision)), Lab(Seen(Parse(b), vision)));
        return Math.Sqrt(Math.Pow(la.L - lb.L, 2) + Math.Pow(la.A - lb.A, 2) + Math.Pow(la.B - lb.B, 2));
    }

    /// <summary>WCAG contrast ratio of two colours' relative luminances, for normal vision.</summary>
    public static double Contrast(string a, string b)
    {
        var (ya, yb) = (Luminance(Seen(Parse(a), Vision.Normal)), Luminance(Seen(Parse(b), Vision.Normal)));
        return (Math.Max(ya, yb) + 0.05) / (Math.Min(ya, yb) + 0.05);
    }

    private static double Luminance(double[] linear) => 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2];

    private static double Linear(double c) => c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);

    private static (double L, double A, double B) Lab(double[] linear)
    {
        // sRGB D65 to XYZ, then to CIELAB with the D65 white.
        var x = (0.4124 * linear[0] + 0.3576 * linear[1] + 0.1805 * linear[2]) / 0.95047;
        var y = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2];
        var z = (0.0193 * linear[0] + 0.1192 * linear[1] + 0.9505 * linear[2]) / 1.08883;
        static double F(double t) => t > 0.008856 ? Math.Cbrt(t) : 7.787 * t + 16.0 / 116;
        return (116 * F(y) - 16, 500 * (F(x) - F(y)), 200 * (F(y) - F(z)));
    }

    [GeneratedRegex(@"rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)")]
    private static partial Regex RgbPattern();
}
