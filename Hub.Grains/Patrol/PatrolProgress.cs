namespace Hub.Grains.Patrol;

/// <summary>Targets of one cadence over a period: how many, the visits planned, and those done (at most the plan per target).</summary>
[GenerateSerializer, Immutable, Alias("hub.patrol-progress")]
public sealed record PatrolProgress([property: Id(0)] int Targets, [property: Id(1)] int Planned, [property: Id(2)] int Done)
{
    public static readonly PatrolProgress None = new(0, 0, 0);

    /// <summary>巡查率: visits done over visits planned, 4 places; null when nothing was planned.</summary>
    public double? Rate => Rollup.Rate.Of(Done, Planned);

    /// <summary>One more target of <paramref name="plan"/>, visited <paramref name="visits"/> times in the period.</summary>
    public PatrolProgress With(PatrolPlan plan, int visits) => new(Targets + 1, Planned + plan.Visits, Done + Math.Min(visits, plan.Visits));

    public PatrolProgress Plus(PatrolProgress other) => new(Targets + other.Targets, Planned + other.Planned, Done + other.Done);
}
