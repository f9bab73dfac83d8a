namespace Hub.Grains.Duty;

/// <summary>The durable state of a unit's roster. The alias is the stored type name: keep it stable.</summary>
[GenerateSerializer, Alias("hub.duty-roster-state.v1")]
public sealed class DutyRosterState
{
    [Id(0)]
    public List<Shift> Shifts { get; set; } = [];
}
