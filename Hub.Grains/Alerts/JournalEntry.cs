namespace Hub.Grains.Alerts;

/// <summary>One change of an alert on its way to the journal, kept in the alert's stored outbox until the journal has it.</summary>
[GenerateSerializer, Immutable, Alias("hub.journal-entry")]
public sealed record JournalEntry([property: Id(0)] AlertSummary Alert, [property: Id(1)] AuditEntry Change);
