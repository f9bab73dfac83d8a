namespace Hub.Grains.History;

/// <summary>How many patrol visits a target had on a day.</summary>
public sealed record PatrolVisits(string Target, DateOnly Day, int Visits);
