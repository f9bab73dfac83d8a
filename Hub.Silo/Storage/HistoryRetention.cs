using Hub.Grains.Field;
using Hub.Grains.Time;
using Microsoft.Extensions.Options;

namespace Hub.Silo.Storage;

/// <summary>
/// Keeps history and case photos bounded: soon after start and then every
/// <see cref="HistoryOptions.PruneEveryMinutes"/>, removes history older than
/// <see cref="HistoryOptions.RetentionDays"/> and photos older than <see cref="PhotoOptions.RetentionDays"/>.
/// Every silo may run it; the deletes are idempotent.
/// </summary>
public sealed class HistoryRetention(
    IHistoryRetention history,
    ICasePhotos photos,
    HubClock clock,
    IOptions<HistoryOptions> options,
    IOptions<PhotoOptions> photoOptions,
    ILogger<HistoryRetention> logger) : BackgroundService
{
    private static readonly TimeSpan FirstRunAtMost = TimeSpan.FromMinutes(1);

    /// <summary>The first day still kept.</summary>
    public static DateOnly FirstKept(DateOnly today, int retentionDays) => today.AddDays(-Math.Max(1, retentionDays));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var interval = TimeSpan.FromMinutes(Math.Max(0.01, options.Value.PruneEveryMinutes));
            await Task.Delay(interval < FirstRunAtMost ? interval : FirstRunAtMost, stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                await RunOnce(stoppingToken);
                await Task.Delay(interval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task RunOnce(CancellationToken stoppingToken)
    {
        var before = FirstKept(clock.Today, options.Value.RetentionDays);
        try
        {
            var removed = await history.Prune(before, options.Value.PruneBatch, stoppingToken);
            if (removed > 0)
            {
                logger.LogInformation("History before {Day} removed: {Rows} rows", before, removed);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The next hour tries again; ingest never waits on this.
            logger.LogWarning(e, "Could not remove history before {Day}", before);
        }
        var stored = clock.Now.AddDays(-photoOptions.Value.RetentionDays);
        try
        {
            var removed = await photos.Prune(stored, stoppingToken);
            if (removed > 0)
            {
                logger.LogInformation("Case photos stored before {At} removed: {Photos}", stored, removed);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not remove case photos stored before {At}", stored);
        }
    }
}
