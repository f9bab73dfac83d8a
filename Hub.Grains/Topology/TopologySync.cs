using Microsoft.Extensions.Logging;

namespace Hub.Grains.Topology;

/// <summary>
/// Keeps this silo's <see cref="TopologyCatalog"/> in step with the topology grain: loads it when
/// the silo becomes active and then checks its version every few seconds, which is how a replace
/// made through one silo reaches the others.
/// </summary>
public sealed class TopologySync(IGrainFactory grains, TopologyCatalog catalog, ILogger<TopologySync> logger)
    : ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);
    private readonly CancellationTokenSource _stopping = new();
    private Task? _loop;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(TopologySync), ServiceLifecycleStage.Active, Start, Stop);

    /// <summary>Fetches the stored topology if it is newer than this silo's.</summary>
    public async Task Refresh()
    {
        var topology = grains.GetGrain<ITopologyGrain>(ITopologyGrain.Key);
        if (await topology.GetVersion() > catalog.Current.Version)
        {
            var snapshot = await topology.ReadWhole();
            catalog.Offer(new TopologyIndex(snapshot.Document, snapshot.Version, snapshot.Plans));
        }
    }

    /// <summary>
    /// Loads the stored topology if this silo has none yet. A silo that has just joined the cluster
    /// may be given grains before its own start-up has loaded it; such a grain would not know its
    /// unit and would count nothing of what it is sent.
    /// </summary>
    public Task EnsureLoaded()
    {
        if (catalog.Current.Version > 0)
        {
            return Task.CompletedTask;
        }
        // Every grain activated in that moment waits for the same read, not one read each.
        var loading = _loading;
        if (loading is null || loading.IsFaulted)
        {
            var started = Refresh();
            loading = Interlocked.CompareExchange(ref _loading, started, loading) == loading ? started : _loading!;
        }
        return loading;
    }

    private Task? _loading;

    public void Dispose() => _stopping.Dispose();

    private async Task Start(CancellationToken cancellationToken)
    {
        await Refresh();
        _loop = Loop(_stopping.Token);
    }

    private async Task Stop(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task Loop(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping))
            {
                try
                {
                    await Refresh();
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Could not refresh the topology; keeping version {Version}", catalog.Current.Version);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The silo is stopping.
        }
    }
}
