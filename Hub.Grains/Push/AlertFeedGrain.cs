using Microsoft.Extensions.Logging;
using Orleans.Utilities;

namespace Hub.Grains.Push;

public sealed class AlertFeedGrain(ILogger<AlertFeedGrain> logger) : Grain, IAlertFeedGrain
{
    private readonly ObserverManager<IWallObserver> _bridges = new(Watchers.Lifetime, logger);

    public Task Subscribe(IWallObserver bridge)
    {
        _bridges.Subscribe(bridge, bridge);
        return Task.CompletedTask;
    }

    public Task Publish(AlertEvent alertEvent)
    {
        _bridges.Notify(b => b.AlertsChanged([alertEvent]));
        return Task.CompletedTask;
    }
}
