using Hub.Grains.Model;

namespace Hub.Dashboard.Api.Bodies;

/// <summary>One alert of a batch, as the originating system reports it.</summary>
public sealed record AlertItem
{
    /// <summary>Required; the originating system, free text of at most 100 characters (not <c>import</c>, kept for imported history).</summary>
    public required string Source { get; init; }

    /// <summary>Required; the alert's id at its source, at most 128 characters; sent again, it is a duplicate.</summary>
    public required string SourceId { get; init; }

    /// <summary>Required; a unit of the topology, inside the sender's scope.</summary>
    public required string Unit { get; init; }

    /// <summary>Optional; a device of the topology, inside the sender's scope. The same device and category merge into one active alert.</summary>
    public string? Device { get; init; }

    /// <summary>Required; free text of at most 40 characters (<c>fire</c>, <c>smoke</c>, <c>gas</c>, …).</summary>
    public required string Category { get; init; }

    /// <summary>Required.</summary>
    public required Severity Severity { get; init; }

    /// <summary>Required; ISO-8601 with an offset, not more than 5 minutes ahead, not before 2000.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>Optional; at most 200 characters.</summary>
    public string? Title { get; init; }

    /// <summary>Optional; at most 2,000 characters, line breaks allowed.</summary>
    public string? Detail { get; init; }
}
