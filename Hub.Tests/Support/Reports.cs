namespace Hub.Tests.Support;

/// <summary>Wire-format check-ins and alerts, as a worker's app or a center would send them.</summary>
public static class Reports
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    public static DateTimeOffset Now => DateTimeOffset.UtcNow.ToOffset(Shanghai);

    /// <summary>
    /// A moment <paramref name="before"/> ago, but not before today began (in the hub's time zone):
    /// for tests that count today's figures, which must hold when they run just after midnight too.
    /// </summary>
    public static DateTimeOffset EarlierToday(TimeSpan before)
    {
        var now = Now;
        var midnight = new DateTimeOffset(now.Date, now.Offset);
        return now - before < midnight ? midnight : now - before;
    }

    public static string Time(DateTimeOffset at) => at.ToOffset(Shanghai).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz");

    public static object Checkin(string worker, string unit, string kind, DateTimeOffset? at = null, string? id = null) =>
        new { id = id ?? Guid.NewGuid().ToString("N"), worker, unit, kind, at = Time(at ?? Now), lat = 37.86, lon = 112.5 };

    public static object Alert(
        string unit,
        string severity = "major",
        string category = "crowd",
        string? device = null,
        string? sourceId = null,
        DateTimeOffset? at = null,
        string source = "ZZ-T") =>
        new { source, sourceId = sourceId ?? Guid.NewGuid().ToString("N"), unit, device, category, severity, at = Time(at ?? Now), title = "人员聚集", detail = "3号楼东侧" };
}
