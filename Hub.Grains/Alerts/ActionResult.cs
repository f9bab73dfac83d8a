using Hub.Grains.Model;

namespace Hub.Grains.Alerts;

public enum ActionOutcome
{
    Done,
    Conflict,
    NotFound,

    /// <summary>The command names something the case cannot take (a department that does not serve it); <see cref="ActionResult.Problem"/> says what.</summary>
    Invalid,
}

/// <summary>
/// The answer to an officer's action: the alert after it, or, on a conflict, the state it is in
/// and who moved it there.
/// </summary>
[GenerateSerializer, Immutable, Alias("hub.action-result")]
public sealed record ActionResult(ActionOutcome Outcome, AlertSummary? Alert, IReadOnlyList<AuditEntry>? Audit, string? Problem = null)
{
    public static readonly ActionResult NotFound = new(ActionOutcome.NotFound, null, null);

    public static ActionResult Invalid(string problem) => new(ActionOutcome.Invalid, null, null, problem);

    public AlertState? CurrentState => Alert?.State;
}
