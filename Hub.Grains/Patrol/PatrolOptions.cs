namespace Hub.Grains.Patrol;

/// <summary><c>Hub:Patrol</c>: the plan of every target with no plan on its path.</summary>
public sealed class PatrolOptions
{
    public const string Section = "Hub:Patrol";

    /// <summary>Default: daily, one visit — every target visited every day.</summary>
    public PatrolPlan DefaultPlan { get; set; } = PatrolPlan.Daily;
}
