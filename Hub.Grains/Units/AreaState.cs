using Hub.Grains.Alerts;

namespace Hub.Grains.Units;

/// <summary>The durable part of an area: only the alerts reported on the area itself. The alias is the stored type name.</summary>
[GenerateSerializer, Alias("hub.area-state.v1")]
public sealed class AreaState
{
    [Id(0)]
    public AlertBook Alerts { get; set; } = new();
}
