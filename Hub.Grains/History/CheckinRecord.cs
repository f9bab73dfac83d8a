using Hub.Grains.Model;

namespace Hub.Grains.History;

/// <summary>One accepted check-in as history keeps it, with the day it counts toward and the patrol target it covered.</summary>
[GenerateSerializer, Immutable, Alias("hub.checkin-record")]
public sealed record CheckinRecord(
    string Grid,
    string? Id,
    string Worker,
    string Unit,
    IReadOnlyList<string> Path,
    CheckinKind Kind,
    DateTimeOffset At,
    DateOnly Day,
    string? Target);
