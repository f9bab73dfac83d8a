using Hub.Grains.Alerts;
using Hub.Grains.Model;

namespace Hub.Grains.History;

/// <summary>A filter over alerts: a subtree, a state (or only active ones), a severity, a count.</summary>
/// <param name="Department">Only the cases this department is summoned to (a department's user's list).</param>
public sealed record AlertQuery(string? Unit, AlertState? State, bool ActiveOnly, Severity? Severity, int Limit, string? Department = null)
{
    /// <summary>
    /// Most important first instead of newest first: unacknowledged, then accepted, then waiting for
    /// 核查/结案; within each, past its limit (supervised) first; then by severity; then newest.
    /// </summary>
    public bool ByImportance { get; init; }

    /// <summary>The order <see cref="ByImportance"/> sorts by, as a key (smaller first); late: past its stage's or its handling limit at <paramref name="now"/>.</summary>
    public static (int, int, int, long) ImportanceOf(AlertSummary a, DateTimeOffset now) => (
        a.State == AlertState.Raised ? 0 : a.State.IsActive() ? 1 : 2,
        a.State.IsActive() && (a.Supervision >= 1 || a.HandleDeadline <= now) ? 0 : 1,
        a.Severity switch { Model.Severity.Critical => 0, Model.Severity.Major => 1, Model.Severity.Minor => 2, _ => 3 },
        -a.At.UtcTicks);

    /// <summary>Only the cases still open in the loop: active, or waiting for 核查 or 结案 (the wall's list).</summary>
    public bool OpenOnly { get; init; }

    /// <summary>Only the cases reported on these days (in the hub's zone), both included.</summary>
    public (DateOnly First, DateOnly Last)? Days { get; init; }

    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public bool Matches(AlertSummary a) =>
        (Unit is null || a.Path.Contains(Unit, StringComparer.Ordinal))
        && (State is null || a.State == State)
        && (!ActiveOnly || a.State.IsActive())
        && (!OpenOnly || a.State.IsOpen())
        // Imported history is no one's duty: an imported case left open is not in the lists of work.
        && (!(ActiveOnly || OpenOnly) || a.Source != ImportedSource.Name)
        && (Severity is null || a.Severity == Severity)
        && (Department is null || Alerts.CaseParts.Has(a.Parts, Department));

    public bool Matches(AlertSummary a, DateOnly day) => Matches(a) && (Days is not { } d || (day >= d.First && day <= d.Last));
}
