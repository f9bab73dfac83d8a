using Hub.Grains.Alerts;
using Hub.Grains.Model;

namespace Hub.Grains.Push;

/// <summary>One alert lifecycle event as the wall screen receives it (API.md §7), with the names along its path and the departments summoned to it.</summary>
[GenerateSerializer, Immutable, Alias("hub.alert-event")]
public sealed record AlertEvent(
    AlertEventKind Kind,
    string AlertId,
    string Unit,
    IReadOnlyList<string> Path,
    IReadOnlyList<string> PathNames,
    Severity Severity,
    string Category,
    string? Title,
    AlertState State,
    DateTimeOffset At,
    string By,
    IReadOnlyList<string>? Notify = null,
    IReadOnlyList<string>? Departments = null);
