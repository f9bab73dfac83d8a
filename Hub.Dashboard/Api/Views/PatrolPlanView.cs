using Hub.Grains.Patrol;

namespace Hub.Dashboard.Api.Views;

/// <summary>巡查计划: the patrol plan a unit follows, its own or inherited.</summary>
/// <param name="Code">The unit's code.</param>
/// <param name="Cadence">The period the visits are counted over.</param>
/// <param name="Visits">Visits planned per target and period.</param>
/// <param name="From">The unit that set the plan; null: the default plan (<c>Hub:Patrol:DefaultPlan</c>).</param>
/// <param name="Own">Whether the unit set the plan itself.</param>
/// <param name="Targets">The patrol targets under the unit.</param>
public sealed record PatrolPlanView(string Code, PatrolCadence Cadence, int Visits, string? From, bool Own, int Targets);
