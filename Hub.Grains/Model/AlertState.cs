namespace Hub.Grains.Model;

/// <summary>Where a case stands in the loop: 上报 → 受理 → 派遣 → 处置 → 核查 → 结案, or 不予立案.</summary>
public enum AlertState
{
    Raised,
    Acknowledged,
    Dispatched,
    Resolved,

    /// <summary>核查 passed: the fix was checked on site.</summary>
    Verified,

    Closed,

    /// <summary>不予立案: not a case; out of every figure's denominator. Terminal.</summary>
    Rejected,
}

public static class AlertStates
{
    /// <summary>An alert is active until it is resolved or closed (or rejected).</summary>
    public static bool IsActive(this AlertState state) => state is AlertState.Raised or AlertState.Acknowledged or AlertState.Dispatched;

    /// <summary>Open in the loop: active, or handled and waiting for 核查 or 结案.</summary>
    public static bool IsOpen(this AlertState state) => state.IsActive() || state is AlertState.Resolved or AlertState.Verified;

    /// <summary>处置: resolved, and what follows it (verified, closed).</summary>
    public static bool IsHandled(this AlertState state) => state is AlertState.Resolved or AlertState.Verified or AlertState.Closed;

    /// <summary>Whether the case counts in 应处置数 at all: a rejected report does not.</summary>
    public static bool Counts(this AlertState state) => state != AlertState.Rejected;
}
