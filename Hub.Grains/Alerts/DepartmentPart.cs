namespace Hub.Grains.Alerts;

/// <summary>Where a summoned department stands on a case: summoned, on site (报到), done.</summary>
public enum PartState
{
    Waiting,
    Reported,
    Done,
}

/// <summary>One department's part of a whistled case (吹哨报到), with the moment it must report in by.</summary>
[GenerateSerializer, Immutable, Alias("hub.department-part")]
public sealed record DepartmentPart(
    [property: Id(0)] string Department,
    [property: Id(1)] PartState State,
    [property: Id(2)] DateTimeOffset SummonedAt,
    [property: Id(3)] DateTimeOffset? ReportedAt,
    [property: Id(4)] DateTimeOffset? DoneAt,
    [property: Id(5)] DateTimeOffset? Deadline);
