namespace Hub.Grains.Alerts;

/// <summary>The durable state of an alert grain. The alias is the stored type name: keep it stable.</summary>
[GenerateSerializer, Alias("hub.alert-state.v1")]
public sealed class AlertGrainState
{
    /// <summary>The alert, once raised; null while the grain has only been asked about.</summary>
    [Id(0)]
    public AlertSummary? Alert { get; set; }

    [Id(1)]
    public List<AuditEntry> Audit { get; set; } = [];

    /// <summary>Set when this (source, sourceId) was merged into another alert; repeats return that alert.</summary>
    [Id(2)]
    public string? MergedInto { get; set; }

    /// <summary>
    /// Changes stored with the alert but not yet known to be in the journal. Written in the same
    /// state write as the change itself, so the alert and its history cannot part: whatever the
    /// journal missed is sent again (idempotently) until it has it.
    /// </summary>
    [Id(3)]
    public List<JournalEntry> Outbox { get; set; } = [];
}
