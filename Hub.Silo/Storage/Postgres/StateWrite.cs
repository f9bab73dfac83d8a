using Hub.Grains.History;

namespace Hub.Silo.Storage.Postgres;

/// <summary>
/// One grain's state waiting for a group commit: what it expects the stored version to be (none
/// for a first write) and, once committed, the version it now has — or none when the stored
/// version had moved and nothing was written.
/// </summary>
public sealed class StateWrite(string stateName, string grainId, long? expected, byte[]? payload, IReadOnlyList<CheckinRecord>? checkins = null)
{
    public string StateName { get; } = stateName;

    public string GrainId { get; } = grainId;

    public long? Expected { get; } = expected;

    /// <summary>The new state; null when cleared.</summary>
    public byte[]? Payload { get; } = payload;

    /// <summary>History rows that go in with the state, in its transaction (<see cref="IJournaledState"/>).</summary>
    public IReadOnlyList<CheckinRecord>? Checkins { get; } = checkins;

    public long? Written { get; set; }

    public bool Conflict { get; set; }

    public (string, string) Key => (StateName, GrainId);
}
