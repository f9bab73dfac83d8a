namespace Hub.Grains.Alerts;

public enum RaiseOutcome
{
    Created,
    Duplicate,
    Merged,
}

/// <summary>The answer to one reported alert (API.md §4), plus the entry its holder counts.</summary>
[GenerateSerializer, Immutable, Alias("hub.raise-result")]
public sealed record RaiseResult(string SourceId, string AlertId, RaiseOutcome Outcome, AlertEntry? Entry);
