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
}
