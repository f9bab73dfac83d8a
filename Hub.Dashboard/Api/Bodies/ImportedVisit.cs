namespace Hub.Dashboard.Api.Bodies;

/// <summary>One patrol visit of an old platform (历史巡查导入): a patrol check-in of a worker at a unit of their grid.</summary>
public sealed record ImportedVisit
{
    /// <summary>Required; the visit's id at its source, at most 100 characters. With <c>worker</c> it names the visit: sent again, it is the same visit.</summary>
    public required string Id { get; init; }

    /// <summary>Required; a worker of the topology.</summary>
    public required string Worker { get; init; }

    /// <summary>Required; the worker's grid or a unit in it, inside the admin's scope.</summary>
    public required string Unit { get; init; }

    /// <summary>Required; ISO-8601 with an offset, not in the future.</summary>
    public required DateTimeOffset At { get; init; }
}
