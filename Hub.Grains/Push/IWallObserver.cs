using Hub.Grains.Model;

namespace Hub.Grains.Push;

/// <summary>
/// What a silo's push bridge hears from the grains: a watched unit's new status, and alert
/// lifecycle events. The grains know nothing of browsers; the bridge fans out (DESIGN.md principle 5).
/// </summary>
[Alias("hub.IWallObserver")]
public interface IWallObserver : IGrainObserver
{
    [Alias("status")]
    void StatusChanged(UnitStatus status);

    [Alias("alerts")]
    void AlertsChanged(IReadOnlyList<AlertEvent> events);
}
