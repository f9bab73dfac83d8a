using Hub.Grains.Model;

namespace Hub.Dashboard.Api.Bodies;

/// <summary>One check-in from the field page: the signed-in worker's own, so it names no worker.</summary>
public sealed record FieldCheckinItem
{
    /// <summary>Required, at most 128 characters: made on the phone, so a resend is a duplicate.</summary>
    public required string Id { get; init; }

    /// <summary>Required; the worker's grid (for a shift) or a building in it (for a patrol).</summary>
    public required string Unit { get; init; }

    /// <summary>Required; <c>start</c> and <c>end</c> of a shift, or <c>patrol</c>.</summary>
    public required CheckinKind Kind { get; init; }

    /// <summary>Required; when it was done (it may have waited on the phone), ISO-8601 with an offset.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>Optional; latitude, when the phone allowed its position.</summary>
    public double? Lat { get; init; }

    /// <summary>Optional; longitude.</summary>
    public double? Lon { get; init; }
}
