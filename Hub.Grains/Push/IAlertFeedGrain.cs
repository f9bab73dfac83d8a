namespace Hub.Grains.Push;

/// <summary>
/// Carries alert events to every silo's bridge (key <see cref="Key"/>). Alert events are few — a
/// handful a second for a whole city — so one grain suffices; status updates, which are many,
/// go straight from unit grains to the bridges that watch them.
/// </summary>
[Alias("hub.IAlertFeedGrain")]
public interface IAlertFeedGrain : IGrainWithIntegerKey
{
    public const long Key = 0;

    /// <summary>Registers (or refreshes) a bridge; registrations not refreshed within a few minutes lapse.</summary>
    [Alias("subscribe")]
    Task Subscribe(IWallObserver bridge);

    [Alias("publish"), OneWay]
    Task Publish(AlertEvent alertEvent);
}
