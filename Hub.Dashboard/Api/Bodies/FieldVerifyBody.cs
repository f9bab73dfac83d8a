namespace Hub.Dashboard.Api.Bodies;

/// <summary>A grid worker's check (核查) of a fix in their grid, from the field page.</summary>
public sealed record FieldVerifyBody
{
    /// <summary>Required, at most 128 characters: made on the phone, so a resend is answered as the first was.</summary>
    public required string Id { get; init; }

    /// <summary>Required; the case, resolved and waiting for 核查, in the worker's grid.</summary>
    public required string Alert { get; init; }

    /// <summary>Required; true: fixed as reported; false: back to the handler (返工).</summary>
    public required bool Passed { get; init; }

    public string? Note { get; init; }

    /// <summary>Optional; one JPEG, PNG or WebP image as a base64 data URL, at most 2 MiB.</summary>
    public string? Photo { get; init; }
}
