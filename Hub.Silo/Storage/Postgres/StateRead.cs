namespace Hub.Silo.Storage.Postgres;

/// <summary>One grain's state asked for in a group read, and what the server answered.</summary>
public sealed class StateRead(string stateName, string grainId)
{
    public string StateName { get; } = stateName;

    public string GrainId { get; } = grainId;

    /// <summary>Whether a row is stored (a cleared state's row has no payload).</summary>
    public bool Found { get; set; }

    public long Etag { get; set; }

    public byte[]? Payload { get; set; }
}
