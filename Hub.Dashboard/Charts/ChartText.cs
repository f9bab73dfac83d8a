using System.Globalization;

namespace Hub.Dashboard.Charts;

/// <summary>Every text a chart shows to people, kept here so it can be translated in one place.</summary>
public static class ChartText
{
    public const string AlertsByHour = "近24小时告警";
    public const string CheckinsByHour = "近24小时打卡";
    public const string HandlingByDay = "近30日处置率";
    public const string ChildrenAlerts = "下级单位告警";

    public const string Critical = "紧急";
    public const string Major = "重要";
    public const string Minor = "一般";
    public const string Warning = "提示";

    public const string Checkins = "打卡";
    public const string Patrols = "巡查";
    public const string HandlingRate = "处置率";
    public const string ActiveAlerts = "活跃告警";

    public const string NoData = "暂无数据";

    private const string TitleSeparator = " · ";
    private const string Ellipsis = "…";

    /// <summary>"万柏林区 · 近24小时告警"; just the chart's name when the unit has none.</summary>
    public static string Title(string? unitName, string chart) =>
        string.IsNullOrWhiteSpace(unitName) ? chart : unitName.Trim() + TitleSeparator + chart;

    /// <summary>Hour tick label, e.g. "08时".</summary>
    public static string HourTick(int hour) => string.Create(CultureInfo.InvariantCulture, $"{hour:00}时");

    /// <summary>Day tick label, e.g. "03-15".</summary>
    public static string DayTick(DateOnly day) => day.ToString("MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Percent tick or value label, e.g. "75%".</summary>
    public static string Percent(double percent) => string.Create(CultureInfo.InvariantCulture, $"{percent:0}%");

    /// <summary>Value at the end of a child's bar: active alerts, and the critical ones when there are any.</summary>
    public static string ChildValue(int active, int critical) => critical > 0
        ? string.Create(CultureInfo.InvariantCulture, $"{active}（{Critical} {critical}）")
        : active.ToString(CultureInfo.InvariantCulture);

    /// <summary>Shortens a long unit name so the axis keeps room for the bars.</summary>
    public static string ShortName(string? name, int maxChars)
    {
        var text = name?.Trim() ?? "";
        return text.Length <= maxChars ? text : string.Concat(text.AsSpan(0, maxChars - 1), Ellipsis);
    }
}
