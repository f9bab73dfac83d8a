using Hub.Grains.Duty;

namespace Hub.Dashboard.Api.Bodies;

/// <summary>One shift of a unit's duty roster (值班表).</summary>
public sealed record ShiftBody
{
    /// <summary>Required; when it starts, ISO-8601 with an offset.</summary>
    public required DateTimeOffset From { get; init; }

    /// <summary>Required; when it ends, after <c>from</c> and within 31 days of it.</summary>
    public required DateTimeOffset To { get; init; }

    /// <summary>Required; an enabled user whose scope covers the unit.</summary>
    public required string User { get; init; }

    /// <summary>Required; the post held.</summary>
    public required DutyPost Post { get; init; }
}
