using ScottPlot;
using ScottPlot.TickGenerators;

namespace Hub.Dashboard.Charts;

/// <summary>
/// Builds the wall screen's charts. Sizes are chosen for a 1200×600 tile seen from across the room.
/// Each method returns a new <see cref="Plot"/> that the caller owns (and disposes); the renderer keeps
/// no state, so one instance serves concurrent requests.
/// </summary>
public sealed class ChartRenderer(ChartFont font)
{
    private const float TitleSize = 28;
    private const float TickSize = 18;
    private const float AxisLabelSize = 20;
    private const float LegendSize = 20;
    private const float ValueLabelSize = 18;
    private const float NoDataSize = 26;

    // Child names longer than this are cut so up to ~20 rows keep room for their bars.
    private const int MaxChildNameChars = 8;
    private const int MinChildRows = 6;

    private readonly string? _family = (font ?? throw new ArgumentNullException(nameof(font))).Family;

    /// <summary>Stacked bars of alerts raised per hour, most severe at the bottom.</summary>
    public Plot AlertsByHour(string unitName, IReadOnlyList<HourlyAlerts> hours)
    {
        ArgumentNullException.ThrowIfNull(hours);
        var rows = hours.OrderBy(h => h.Hour).ToArray();
        var plot = NewPlot(ChartText.Title(unitName, ChartText.AlertsByHour));

        (string Name, Color Color, Func<HourlyAlerts, int> Count)[] severities =
        [
            (ChartText.Critical, ChartPalette.Critical, h => h.Critical),
            (ChartText.Major, ChartPalette.Major, h => h.Major),
            (ChartText.Minor, ChartPalette.Minor, h => h.Minor),
            (ChartText.Warning, ChartPalette.Warning, h => h.Warning),
        ];
        var stackTop = new double[rows.Length];
        if (rows.Length > 0)
        {
            foreach (var (name, color, count) in severities)
            {
                var bars = new List<Bar>(rows.Length);
                for (var i = 0; i < rows.Length; i++)
                {
                    var value = Math.Max(0, count(rows[i]));
                    bars.Add(NewBar(i, stackTop[i], stackTop[i] + value, color, 0.7));
                    stackTop[i] += value;
                }
                AddBars(plot, bars, name, color);
            }
            ShowLegend(plot);
        }

        HourTicks(plot, rows.Select(r => r.Hour).ToArray());
        CountAxis(plot, plot.Axes.Left, stackTop.DefaultIfEmpty(0).Max());
        plot.Axes.SetLimitsX(-0.5, Math.Max(rows.Length, 1) - 0.5);
        return Finish(plot, rows.Length == 0);
    }

    /// <summary>Check-ins and patrols per hour, side by side.</summary>
    public Plot CheckinsByHour(string unitName, IReadOnlyList<HourlyCheckins> hours)
    {
        ArgumentNullException.ThrowIfNull(hours);
        var rows = hours.OrderBy(h => h.Hour).ToArray();
        var plot = NewPlot(ChartText.Title(unitName, ChartText.CheckinsByHour));

        if (rows.Length > 0)
        {
            AddBars(plot, rows.Select((r, i) => NewBar(i - 0.19, 0, Math.Max(0, r.Checkins), ChartPalette.Checkins, 0.36)).ToList(),
                ChartText.Checkins, ChartPalette.Checkins);
            AddBars(plot, rows.Select((r, i) => NewBar(i + 0.19, 0, Math.Max(0, r.Patrols), ChartPalette.Patrols, 0.36)).ToList(),
                ChartText.Patrols, ChartPalette.Patrols);
            ShowLegend(plot);
        }

        HourTicks(plot, rows.Select(r => r.Hour).ToArray());
        var max = rows.Select(r => (double)Math.Max(r.Checkins, r.Patrols)).DefaultIfEmpty(0).Max();
        CountAxis(plot, plot.Axes.Left, max);
        plot.Axes.SetLimitsX(-0.5, Math.Max(rows.Length, 1) - 0.5);
        return Finish(plot, rows.Length == 0);
    }

    /// <summary>Daily handling rate in percent on a fixed 0–100 axis; days without a rate leave a gap.</summary>
    public Plot HandlingByDay(string unitName, IReadOnlyList<DailyHandling> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        var rows = days.OrderBy(d => d.Day).ToArray();
        var plot = NewPlot(ChartText.Title(unitName, ChartText.HandlingByDay));

        // X is days since the first one, so a missing day stays a gap instead of closing up.
        var first = rows.Length > 0 ? rows[0].Day : default;
        var xs = rows.Select(r => (double)(r.Day.DayNumber - first.DayNumber)).ToArray();
        var ys = rows.Select(r => r.HandlingRate is { } rate && double.IsFinite(rate) ? Math.Clamp(rate, 0, 1) * 100 : double.NaN).ToArray();
        var span = xs.Length > 0 ? xs[^1] : 0;
        var lastIndex = Array.FindLastIndex(ys, double.IsFinite);

        if (lastIndex >= 0)
        {
            var line = plot.Add.Scatter(xs, ys, ChartPalette.HandlingRate);
            line.LineWidth = 4;
            line.MarkerSize = 11;
            line.MarkerShape = MarkerShape.FilledCircle;

            // The latest rate is what people look for first.
            var latest = plot.Add.Text(ChartText.Percent(ys[lastIndex]), xs[lastIndex], ys[lastIndex]);
            StyleLabel(latest.LabelStyle, ValueLabelSize, ChartPalette.Text);
            latest.LabelStyle.Bold = true;
            latest.Alignment = ys[lastIndex] > 85 ? Alignment.UpperRight : Alignment.LowerRight;
            latest.OffsetY = ys[lastIndex] > 85 ? 12 : -12;
            latest.OffsetX = -6;
        }

        // Label about ten days, counted back from the newest so today always has its label.
        var step = Math.Max(1, (int)Math.Ceiling((span + 1) / 10));
        var dayTicks = rows.Select((r, i) => (X: xs[i], r.Day)).Where(t => ((int)(span - t.X)) % step == 0).ToArray();
        plot.Axes.Bottom.TickGenerator = new NumericManual(dayTicks.Select(t => t.X).ToArray(), dayTicks.Select(t => ChartText.DayTick(t.Day)).ToArray());

        double[] percents = [0, 20, 40, 60, 80, 100];
        plot.Axes.Left.TickGenerator = new NumericManual(percents, percents.Select(ChartText.Percent).ToArray());
        // A little past 0–100 so markers on the limits are not cut in half.
        plot.Axes.SetLimits(-0.5, span + 0.5, -4, 106);
        return Finish(plot, lastIndex < 0);
    }

    /// <summary>
    /// Horizontal bars of active alerts per child unit, busiest at the top: every bar in one color
    /// (they mean the same), its critical part in the critical severity's. Health is the tiles' to tell.
    /// </summary>
    public Plot ChildrenHealth(string unitName, IReadOnlyList<ChildBar> children)
    {
        ArgumentNullException.ThrowIfNull(children);
        var rows = children.OrderByDescending(c => c.Active).ThenByDescending(c => c.Critical).ToArray();
        var plot = NewPlot(ChartText.Title(unitName, ChartText.ChildrenAlerts));

        // Horizontal bars keep Chinese names upright and readable however many children there are.
        // Rows fill from the top, and a few children keep a normal bar height instead of filling the chart.
        var slots = Math.Max(rows.Length, MinChildRows);
        var bars = rows.SelectMany((c, i) =>
        {
            var active = Math.Max(0, c.Active);
            var critical = Math.Clamp(c.Critical, 0, active);
            var bar = NewBar(slots - 1 - i, 0, active, ChartPalette.Active, 0.7);
            bar.Orientation = Orientation.Horizontal;
            bar.Label = ChartText.ChildValue(active, critical);
            if (critical == 0)
            {
                return new[] { bar };
            }
            var part = NewBar(slots - 1 - i, 0, critical, ChartPalette.Critical, 0.7);
            part.Orientation = Orientation.Horizontal;
            return [bar, part];
        }).ToList();
        if (bars.Count > 0)
        {
            var barPlot = plot.Add.Bars(bars);
            barPlot.Horizontal = true;
            StyleLabel(barPlot.ValueLabelStyle, ValueLabelSize, ChartPalette.Text);
        }

        plot.Axes.Left.TickGenerator = new NumericManual(
            rows.Select((_, i) => (double)(slots - 1 - i)).ToArray(),
            rows.Select(c => ChartText.ShortName(c.Name, MaxChildNameChars)).ToArray());
        // Leave room right of the longest bar for its value label.
        CountAxis(plot, plot.Axes.Bottom, rows.Select(c => (double)c.Active).DefaultIfEmpty(0).Max(), headroom: 1.3);
        plot.Axes.SetLimitsY(-0.6, slots - 0.4);
        plot.XLabel(ChartText.ActiveAlerts);
        plot.Grid.YAxisStyle.IsVisible = false;
        plot.Grid.XAxisStyle.IsVisible = true;
        return Finish(plot, rows.Length == 0);
    }

    /// <summary>The chart as PNG bytes.</summary>
    public static byte[] Png(Plot plot, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(plot);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ScaleTo(plot, width, height);
        return plot.GetImageBytes(width, height, ImageFormat.Png);
    }

    /// <summary>The chart as an SVG document; text stays text, in the CJK font's family.</summary>
    public static string Svg(Plot plot, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(plot);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ScaleTo(plot, width, height);
        return plot.GetSvgXml(width, height);
    }

    /// <summary>
    /// Scales fonts, lines and paddings with the image, so a chart looks the same at every size. The
    /// basis is a wall tile (a quarter of a 1080p screen's width is about 450 px), where text must
    /// still be read from across the room; a 4K wall asks for twice the pixels and gets twice the text.
    /// </summary>
    private static void ScaleTo(Plot plot, int width, int height) =>
        plot.ScaleFactor = Math.Clamp(Math.Min(width / 720.0, height / 360.0), 0.5, 4);

    private Plot NewPlot(string title)
    {
        var plot = new Plot();
        plot.FigureBackground.Color = ChartPalette.Background;
        plot.DataBackground.Color = ChartPalette.Panel;

        plot.Title(title);
        StyleLabel(plot.Axes.Title.Label, TitleSize, ChartPalette.Text);
        plot.Axes.Title.Label.Bold = true;

        foreach (var axis in plot.Axes.GetAxes())
        {
            StyleLabel(axis.Label, AxisLabelSize, ChartPalette.MutedText);
            axis.Label.Bold = false;
            StyleLabel(axis.TickLabelStyle, TickSize, ChartPalette.MutedText);
            // Gridlines carry the scale; frames and tick marks would only add noise.
            axis.FrameLineStyle.Width = 0;
            axis.MajorTickStyle.Length = 0;
            axis.MinorTickStyle.Length = 0;
        }

        // Room for the outermost tick labels, which would otherwise be cut at the image's edges.
        plot.Axes.Right.MinimumSize = 36;
        plot.Axes.Bottom.MinimumSize = 48;

        plot.Grid.MajorLineColor = ChartPalette.Grid;
        plot.Grid.MajorLineWidth = 1;
        plot.Grid.MinorLineWidth = 0;
        plot.Grid.XAxisStyle.IsVisible = false;

        plot.Legend.IsVisible = false;
        plot.Legend.FontSize = LegendSize;
        plot.Legend.FontColor = ChartPalette.Text;
        plot.Legend.BackgroundColor = Colors.Transparent;
        plot.Legend.OutlineColor = Colors.Transparent;
        plot.Legend.ShadowColor = Colors.Transparent;
        if (_family is not null)
        {
            plot.Legend.FontName = _family;
        }
        return plot;
    }

    private void StyleLabel(LabelStyle label, float size, Color color)
    {
        label.FontSize = size;
        label.ForeColor = color;
        if (_family is not null)
        {
            label.FontName = _family;
        }
    }

    private static Bar NewBar(double position, double from, double to, Color color, double size) => new()
    {
        Position = position,
        ValueBase = from,
        Value = to,
        FillColor = color,
        LineWidth = 0,
        Size = size,
    };

    private static void AddBars(Plot plot, List<Bar> bars, string legend, Color color)
    {
        var barPlot = plot.Add.Bars(bars);
        barPlot.LegendText = legend;
        barPlot.Color = color;
    }

    // Outside the data area, so a tall bar can never hide under it.
    private static void ShowLegend(Plot plot)
    {
        var panel = plot.ShowLegend(Edge.Top);
        panel.Padding = PixelPadding.Zero;
        plot.Legend.Orientation = Orientation.Horizontal;
        plot.Legend.Margin = PixelPadding.Zero;
        plot.Legend.Padding = new PixelPadding(8, 8, 6, 4);
    }

    /// <summary>"HH时" labels on about eight hours, on whole multiples of the step so they read 00, 03, 06…</summary>
    private static void HourTicks(Plot plot, DateTimeOffset[] hours)
    {
        var step = Math.Max(1, (int)Math.Ceiling(hours.Length / 8.0));
        var ticks = hours.Select((h, i) => (X: (double)i, h.Hour)).Where(t => t.Hour % step == 0).ToArray();
        plot.Axes.Bottom.TickGenerator = new NumericManual(ticks.Select(t => t.X).ToArray(), ticks.Select(t => ChartText.HourTick(t.Hour)).ToArray());
    }

    /// <summary>A count axis from 0 with whole-number ticks and headroom above the largest value.</summary>
    private static void CountAxis(Plot plot, IAxis axis, double max, double headroom = 1.15)
    {
        axis.TickGenerator = new NumericAutomatic { IntegerTicksOnly = true, TargetTickCount = 5 };
        var top = Math.Max(5, Math.Ceiling(max * headroom));
        if (axis is IYAxis y)
        {
            plot.Axes.SetLimitsY(0, top, y);
        }
        else if (axis is IXAxis x)
        {
            plot.Axes.SetLimitsX(0, top, x);
        }
    }

    private Plot Finish(Plot plot, bool empty)
    {
        if (empty)
        {
            var limits = plot.Axes.GetLimits();
            var text = plot.Add.Text(ChartText.NoData, limits.HorizontalCenter, limits.VerticalCenter);
            StyleLabel(text.LabelStyle, NoDataSize, ChartPalette.MutedText);
            text.Alignment = Alignment.MiddleCenter;
        }

        // Fonts set per label above; Set also makes the CJK font ScottPlot's default for anything added later.
        if (_family is not null)
        {
            plot.Font.Set(_family);
        }
        return plot;
    }
}
