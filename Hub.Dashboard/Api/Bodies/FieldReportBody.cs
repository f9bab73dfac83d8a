using Hub.Grains.Model;

namespace Hub.Dashboard.Api.Bodies;

/// <summary>An event a grid worker reports (上报) from the field page: a case of their grid, with up to three photos.</summary>
public sealed record FieldReportBody
{
    /// <summary>Required, at most 128 characters: made on the phone, so a resend finds the case it made.</summary>
    public required string SourceId { get; init; }

    /// <summary>Required; the worker's grid or a unit in it.</summary>
    public required string Unit { get; init; }

    /// <summary>Required; what it is: <c>fire</c>, <c>water</c>, <c>dumping</c>, <c>road-occupation</c>, … (1–40 characters).</summary>
    public required string Category { get; init; }

    public required Severity Severity { get; init; }

    /// <summary>Required; when it was seen, ISO-8601 with an offset.</summary>
    public required DateTimeOffset At { get; init; }

    public string? Title { get; init; }

    /// <summary>What the worker saw, in their words.</summary>
    public string? Detail { get; init; }

    /// <summary>At most 3 JPEG, PNG or WebP images as base64 data URLs, each at most 2 MiB.</summary>
    public IReadOnlyList<string>? Photos { get; init; }
}
