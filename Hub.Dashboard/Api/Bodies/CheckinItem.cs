using Hub.Grains.Model;

namespace Hub.Dashboard.Api.Bodies;

/// <summary>One check-in of a batch: a grid worker at their grid or a building in it.</summary>
public sealed record CheckinItem
{
    /// <summary>Optional, at most 128 characters; a check-in sent again with the same id is a duplicate.</summary>
    public string? Id { get; init; }

    /// <summary>Required; a worker of the topology, inside the sender's scope.</summary>
    public required string Worker { get; init; }

    /// <summary>Required; the worker's grid or a building in it, inside the sender's scope.</summary>
    public required string Unit { get; init; }

    /// <summary>Required; <c>start</c> and <c>end</c> put the worker on and off duty.</summary>
    public required CheckinKind Kind { get; init; }

    /// <summary>Required; ISO-8601 with an offset, not more than 5 minutes ahead, not before 2000.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>Optional; latitude, -90 to 90.</summary>
    public double? Lat { get; init; }

    /// <summary>Optional; longitude, -180 to 180.</summary>
    public double? Lon { get; init; }
}
