using System.Text.Json;

namespace Hub.Replay;

/// <summary>What a recorded line does: a check-in, an alert, or an officer's step on an alert.</summary>
public enum ReplayKind
{
    Checkin,
    Alert,
    Action,
}

/// <summary>One recorded event: when it happened after the day began, what it is, and its body as sent.</summary>
public sealed record ReplayEvent(int Line, TimeSpan After, ReplayKind Kind, JsonElement Body);
