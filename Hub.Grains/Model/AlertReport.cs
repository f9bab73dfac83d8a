namespace Hub.Grains.Model;

/// <summary>One alert as a center sends it (API.md §4), with who sent it.</summary>
[GenerateSerializer, Immutable, Alias("hub.alert-report")]
public sealed record AlertReport(
    string Source,
    string SourceId,
    string Unit,
    string? Device,
    string Category,
    Severity Severity,
    DateTimeOffset At,
    string? Title,
    string? Detail,
    Alerts.Sender Sender);
