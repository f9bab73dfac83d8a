namespace Hub.Dashboard.Api.Views;

/// <summary>A batch of check-ins taken on: how many were new and how many repeated an id already seen.</summary>
/// <param name="Accepted">Check-ins applied.</param>
/// <param name="Duplicates">Check-ins whose id was seen before: nothing changed for them.</param>
public sealed record CheckinBatchResult(int Accepted, int Duplicates);
