namespace Hub.Grains.Alerts;

/// <summary>What happened to an alert (API.md §7 <c>AlertEvent.kind</c>).</summary>
public enum AlertEventKind
{
    Raised,
    Merged,
    Acknowledged,
    Dispatched,
    Resolved,
    Closed,
    Cleared,
    Escalated,

    /// <summary>不予立案.</summary>
    Rejected,

    /// <summary>核查 passed.</summary>
    Verified,

    /// <summary>核查 failed: back to dispatched (返工).</summary>
    Reworked,

    /// <summary>评价 given.</summary>
    Rated,

    /// <summary>A summoned department reported in (报到).</summary>
    ReportedIn,

    /// <summary>A department finished its part; the case is resolved when every part is done.</summary>
    PartDone,

    /// <summary>督办: a stage ran past its limit (黄牌 at 100 %, 红牌 at 150 %).</summary>
    Supervised,
}
