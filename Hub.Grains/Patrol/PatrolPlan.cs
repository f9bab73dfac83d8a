namespace Hub.Grains.Patrol;

/// <summary>How often a patrol target is to be visited (巡查频次).</summary>
public enum PatrolCadence
{
    Daily,

    /// <summary>Monday to Sunday, in the hub's zone.</summary>
    Weekly,

    /// <summary>A calendar month, in the hub's zone.</summary>
    Monthly,
}

/// <summary>巡查计划: each patrol target under the unit is to be visited <see cref="Visits"/> times per period of <see cref="Cadence"/>.</summary>
[GenerateSerializer, Immutable, Alias("hub.patrol-plan")]
public sealed record PatrolPlan([property: Id(0)] PatrolCadence Cadence, [property: Id(1)] int Visits)
{
    public const int MaxVisits = 1000;

    /// <summary>Today's rule before plans existed: every target once a day.</summary>
    public static readonly PatrolPlan Daily = new(PatrolCadence.Daily, 1);
}
