namespace Hub.Dashboard.Charts;

/// <summary>Alerts raised during the hour starting at <paramref name="Hour"/>, by severity.</summary>
/// <param name="Hour">Start of the hour, in the command center's local offset (tick labels show its hour as given).</param>
public sealed record HourlyAlerts(DateTimeOffset Hour, int Critical, int Major, int Minor, int Warning);

/// <summary>Check-ins and patrols recorded during the hour starting at <paramref name="Hour"/>.</summary>
/// <param name="Hour">Start of the hour, in the command center's local offset.</param>
public sealed record HourlyCheckins(DateTimeOffset Hour, int Checkins, int Patrols);

/// <summary>Alerts raised on <paramref name="Day"/> and how many of them are handled.</summary>
/// <param name="HandlingRate">Handled / raised as a fraction 0–1 (as the API's <c>handlingRate</c>); null when nothing was raised.</param>
public sealed record DailyHandling(DateOnly Day, int Raised, int Handled, double? HandlingRate);

/// <summary>One child unit's alert load.</summary>
public sealed record ChildBar(string Name, int Active, int Critical);
