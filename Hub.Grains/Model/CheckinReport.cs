namespace Hub.Grains.Model;

/// <summary>One check-in as a worker's app sends it (API.md §4).</summary>
[GenerateSerializer, Immutable, Alias("hub.checkin-report")]
public sealed record CheckinReport(
    string? Id,
    string Worker,
    string Unit,
    CheckinKind Kind,
    DateTimeOffset At,
    double? Lat,
    double? Lon);
