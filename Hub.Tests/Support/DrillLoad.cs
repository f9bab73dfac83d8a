using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace Hub.Tests.Support;

/// <summary>
/// Steady check-in load for fault drills: writers send batches of check-ins with ids of their own,
/// each through whichever hub <see cref="Target"/> names at that moment, and keep what each batch
/// got. A batch that was not answered 202 (a 503, a refused connection, a lost answer) is
/// "refused" and is resent, with the same ids, after the drill.
/// </summary>
public sealed class DrillLoad(Func<int, Api?> target, IReadOnlyList<(string Worker, string Unit)> reporters, int batchSize = 10)
{
    private readonly ConcurrentBag<string> _acknowledged = [];
    private readonly ConcurrentQueue<object[]> _refused = new();
    private readonly ConcurrentQueue<(TimeSpan At, bool Ok)> _answers = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _sequence;

    public Func<int, Api?> Target { get; } = target;

    /// <summary>Ids of check-ins answered 202 (each of them must be stored).</summary>
    public IReadOnlyCollection<string> Acknowledged => _acknowledged;

    public int RefusedBatches => _refused.Count;

    public int Batches => _answers.Count;

    /// <summary>Every id sent, acknowledged or not: after resending, each must be stored exactly once.</summary>
    public ConcurrentBag<string> Sent { get; } = [];

    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>When the first batch answered 202 at or after <paramref name="since"/> (drill time) was answered.</summary>
    public TimeSpan? FirstAcknowledgedAfter(TimeSpan since) =>
        _answers.Where(a => a.Ok && a.At >= since).Select(a => (TimeSpan?)a.At).Min();

    /// <summary>Runs <paramref name="writers"/> writers until <paramref name="stop"/> is cancelled.</summary>
    public Task Run(int writers, CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(() => Write(w, stop))));

    /// <summary>Resends every refused batch, with its ids, until each is answered 202.</summary>
    public async Task<int> ResendRefused(TimeSpan within)
    {
        var resent = 0;
        var deadline = Stopwatch.StartNew();
        while (_refused.TryDequeue(out var batch))
        {
            while (true)
            {
                var api = Target(resent) ?? Target(resent + 1);
                if (api is not null && await Send(api, batch) is true)
                {
                    break;
                }
                Assert.True(deadline.Elapsed < within, $"a refused batch was still refused {within} after the drill");
                await Task.Delay(200);
            }
            resent++;
        }
        return resent;
    }

    private async Task Write(int writer, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var batch = Enumerable.Range(0, batchSize).Select(_ =>
            {
                var n = Interlocked.Increment(ref _sequence);
                var (worker, unit) = reporters[n % reporters.Count];
                var id = $"drill-{n}";
                Sent.Add(id);
                return Reports.Checkin(worker, unit, "patrol", id: id);
            }).ToArray();
            var api = Target(writer);
            var ok = api is not null && await Send(api, batch) is true;
            _answers.Enqueue((_clock.Elapsed, ok));
            if (!ok)
            {
                _refused.Enqueue(batch);
                await Task.Delay(100, CancellationToken.None);
            }
        }
    }

    /// <returns>True when acknowledged; false when refused or unanswered.</returns>
    private async Task<bool> Send(Api api, object[] batch)
    {
        try
        {
            var answer = await api.Post("/api/v1/checkins", batch);
            if (answer.Status == HttpStatusCode.Accepted)
            {
                foreach (var item in batch)
                {
                    _acknowledged.Add((string)item.GetType().GetProperty("id")!.GetValue(item)!);
                }
                return true;
            }
            Assert.True(answer.Status == HttpStatusCode.ServiceUnavailable, $"a drill batch got {answer}");
            return false;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }
}
