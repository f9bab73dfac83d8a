using Hub.Grains.Patrol;

namespace Hub.Dashboard.Api.Bodies;

/// <summary>巡查计划: how often each patrol target under the unit is to be visited.</summary>
public sealed record PatrolPlanBody
{
    /// <summary>Required; the period the visits are counted over.</summary>
    public required PatrolCadence Cadence { get; init; }

    /// <summary>Required; visits per target and period, 1 to 1000.</summary>
    public required int Visits { get; init; }
}
