namespace Hub.Dashboard.Api.Bodies;

/// <summary>A governance center's new ingest key, made by an admin inside their own scope.</summary>
public sealed record NewApiKeyBody
{
    /// <summary>Required; the center's name, at most 100 characters.</summary>
    public required string Center { get; init; }

    /// <summary>Required; the unit the key may send for (a unit code of the topology, or <c>*</c> for all of it), inside the admin's own scope.</summary>
    public required string Scope { get; init; }
}
