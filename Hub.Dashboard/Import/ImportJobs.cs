using System.Collections.Concurrent;
using Hub.Grains.Time;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Hub.Dashboard.Import;

/// <summary>This silo's imports being written, and the last ones finished, by id.</summary>
public sealed class ImportJobs(HubClock clock, IHostApplicationLifetime lifetime, ILogger<ImportJobs> logger)
{
    private const int Kept = 100;
    private const int LogEvery = 100_000;

    private readonly ConcurrentDictionary<string, ImportJob> _jobs = new(StringComparer.Ordinal);

    public ImportJob? Find(string id) => _jobs.GetValueOrDefault(id);

    /// <summary>Starts writing <paramref name="records"/> records with <paramref name="write"/>, which reports its progress and returns how many were new.</summary>
    public ImportJob Start(string kind, int records, Func<Action<int>, CancellationToken, Task<int>> write, Action? cleanup = null)
    {
        var job = new ImportJob(Guid.NewGuid().ToString("N")[..12], kind, records, clock.Now);
        _jobs[job.Id] = job;
        foreach (var old in _jobs.Values.Where(j => j.State != ImportState.Writing).OrderByDescending(j => j.StartedAt).Skip(Kept))
        {
            _jobs.TryRemove(old.Id, out _);
        }
        _ = Task.Run(async () =>
        {
            var logged = 0;
            try
            {
                var imported = await write(
                    written =>
                    {
                        job.Progress(written);
                        if (written - logged >= LogEvery)
                        {
                            logged = written;
                            logger.LogInformation("Import {Job} ({Kind}): {Written} of {Records} written", job.Id, kind, written, records);
                        }
                    },
                    lifetime.ApplicationStopping);
                job.Done(imported, clock.Now);
                logger.LogInformation("Import {Job} ({Kind}): done, {Imported} of {Records} new", job.Id, kind, imported, records);
            }
            catch (Exception e)
            {
                logger.LogError(e, "Import {Job} ({Kind}) failed; nothing of it was kept", job.Id, kind);
                job.Fail(e is OperationCanceledException ? "the hub is stopping" : "the history store could not take it; nothing was kept, send the file again", clock.Now);
            }
            finally
            {
                cleanup?.Invoke();
            }
        });
        return job;
    }
}
