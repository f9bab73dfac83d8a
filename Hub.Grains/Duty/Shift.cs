namespace Hub.Grains.Duty;

/// <summary>The post a person holds on watch at a unit (值班).</summary>
public enum DutyPost
{
    /// <summary>值班员: the duty officer.</summary>
    Officer,

    /// <summary>带班领导: the leader in charge of the shift.</summary>
    Leader,
}

/// <summary>One shift of a unit's duty roster (值班表): who holds which post, from when until when.</summary>
[GenerateSerializer, Immutable, Alias("hub.shift")]
public sealed record Shift([property: Id(0)] DateTimeOffset From, [property: Id(1)] DateTimeOffset To, [property: Id(2)] string User, [property: Id(3)] DutyPost Post)
{
    public bool Covers(DateTimeOffset at) => From <= at && at < To;
}
