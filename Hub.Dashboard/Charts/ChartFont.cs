using System.Diagnostics;
using Microsoft.Extensions.Logging;
using ScottPlot;
using SkiaSharp;

namespace Hub.Dashboard.Charts;

/// <summary>
/// The CJK font charts draw with. Skia has no glyph fallback of its own, so without a CJK font set
/// explicitly every Chinese label renders as boxes; the font is found and registered with ScottPlot
/// once per process, whatever number of instances is made.
/// </summary>
public sealed class ChartFont
{
    /// <summary>Name the font file is registered under: an alias, so it never depends on the file's own family name.</summary>
    public const string RegisteredName = "Hub CJK Sans";

    // Best first: WenQuanYi is what our images install (fonts-wqy-zenhei); the rest cover other hosts.
    private static readonly string[] KnownFiles =
    [
        "wqy-zenhei.ttc",
        "wqy-microhei.ttc",
        "NotoSansCJKsc-Regular.otf",
        "NotoSansSC-Regular.otf",
        "NotoSansSC-Regular.ttf",
        "NotoSansCJK-Regular.ttc",
        "SourceHanSansSC-Regular.otf",
        "SourceHanSans-Regular.ttc",
        "msyh.ttc",
        "simhei.ttf",
        "PingFang.ttc",
        "DroidSansFallbackFull.ttf",
    ];

    private static readonly Lazy<string?> Registered = new(FindAndRegister, LazyThreadSafetyMode.ExecutionAndPublication);
    private static int s_reported;

    public ChartFont(ILogger<ChartFont> logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        FilePath = Registered.Value;
        if (Interlocked.Exchange(ref s_reported, 1) == 0)
        {
            if (FilePath is null)
            {
                logger.LogWarning(
                    "No CJK font found (looked for {Files} under {Roots} and asked fontconfig); charts will render, but Chinese labels will show as boxes. Install fonts-wqy-zenhei.",
                    string.Join(", ", KnownFiles), string.Join(", ", SearchRoots()));
            }
            else
            {
                logger.LogInformation("Charts draw Chinese text with {FontFile}", FilePath);
            }
        }
    }

    /// <summary>The font family to set on plots, or null when no CJK font was found.</summary>
    public string? Family => FilePath is null ? null : RegisteredName;

    /// <summary>The font file in use, or null when none was found.</summary>
    public string? FilePath { get; }

    /// <summary>The best CJK font file under <paramref name="roots"/> by <see cref="KnownFiles"/> order, or null.</summary>
    public static string? FindKnownFile(IEnumerable<string> roots)
    {
        ArgumentNullException.ThrowIfNull(roots);
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            IgnoreInaccessible = true,
            MatchCasing = MatchCasing.CaseInsensitive,
        };
        string? best = null;
        var bestRank = int.MaxValue;
        foreach (var root in roots.Where(Directory.Exists))
        {
            try
            {
                foreach (var file in Directory.EnumerateFiles(root, "*", options))
                {
                    var rank = Array.FindIndex(KnownFiles, f => string.Equals(f, Path.GetFileName(file), StringComparison.OrdinalIgnoreCase));
                    if (rank >= 0 && rank < bestRank && HasChineseGlyphs(file))
                    {
                        (best, bestRank) = (file, rank);
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A font folder that changes or locks up under us only costs that folder, never the charts.
            }
        }
        return best;
    }

    private static string? FindAndRegister()
    {
        var path = FindKnownFile(SearchRoots()) ?? AskFontconfig();
        if (path is not null)
        {
            // Titles ask for bold; without a bold entry ScottPlot would fall back to a font without CJK glyphs.
            Fonts.AddFontFile(RegisteredName, path, bold: false);
            Fonts.AddFontFile(RegisteredName, path, bold: true);
        }
        return path;
    }

    private static IEnumerable<string> SearchRoots()
    {
        string[] roots =
        [
            "/usr/share/fonts",
            "/usr/local/share/fonts",
            Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local/share/fonts"),
            Environment.GetFolderPath(Environment.SpecialFolder.Fonts),
            "/System/Library/Fonts",
            "/Library/Fonts",
        ];
        return roots.Where(r => r.Length > 0).Distinct(StringComparer.Ordinal);
    }

    /// <summary>Fontconfig knows fonts in places we don't search; it is optional, so any failure means "nothing found".</summary>
    private static string? AskFontconfig()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("fc-list", ":lang=zh file")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null)
            {
                return null;
            }
            var output = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(5)) || !output.Wait(TimeSpan.FromSeconds(1)))
            {
                process.Kill();
                return null;
            }
            return output.Result
                .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(line => line.TrimEnd(':').Trim())
                .Where(file => file.EndsWith(".ttf", StringComparison.OrdinalIgnoreCase)
                    || file.EndsWith(".ttc", StringComparison.OrdinalIgnoreCase)
                    || file.EndsWith(".otf", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)
                .FirstOrDefault(HasChineseGlyphs);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            return null;
        }
    }

    // A file that is unreadable or lacks the glyphs would bring back the boxes we are avoiding.
    private static bool HasChineseGlyphs(string file)
    {
        using var typeface = SKTypeface.FromFile(file);
        return typeface is not null && typeface.ContainsGlyphs("告警处置");
    }
}
