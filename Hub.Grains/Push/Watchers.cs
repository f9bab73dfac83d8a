using Microsoft.Extensions.Logging;
using Orleans.Utilities;

namespace Hub.Grains.Push;

/// <summary>
/// The bridges watching the units one grain holds (a grid holds its buildings too), by unit code.
/// A unit nobody watches has no entry and costs nothing.
/// </summary>
public sealed class Watchers(ILogger logger)
{
    /// <summary>A bridge refreshes its registrations well within this, or it is dropped (its silo died).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

    private readonly Dictionary<string, ObserverManager<IWallObserver>> _byUnit = new(StringComparer.Ordinal);

    public bool Any => _byUnit.Count > 0;

    public IEnumerable<string> Units => _byUnit.Keys;

    public void Add(string unit, IWallObserver bridge)
    {
        if (!_byUnit.TryGetValue(unit, out var watchers))
        {
            _byUnit[unit] = watchers = new ObserverManager<IWallObserver>(Lifetime, logger);
        }
        watchers.Subscribe(bridge, bridge);
    }

    public void Remove(string unit, IWallObserver bridge)
    {
        if (_byUnit.TryGetValue(unit, out var watchers))
        {
            watchers.Unsubscribe(bridge);
            if (watchers.Count == 0)
            {
                _byUnit.Remove(unit);
            }
        }
    }

    public void Notify(string unit, Action<IWallObserver> send)
    {
        if (_byUnit.TryGetValue(unit, out var watchers))
        {
            watchers.Notify(send);
            if (watchers.Count == 0)
            {
                _byUnit.Remove(unit);
            }
        }
    }
}
