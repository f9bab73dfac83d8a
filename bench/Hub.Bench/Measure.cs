using System.Diagnostics;

namespace Hub.Bench;

/// <summary>Runs an operation in windows for a fixed time and reports throughput and per-window latency.</summary>
public static class Measure
{
    /// <param name="Paused">Time the whole process stood still for garbage collection meanwhile.</param>
    public sealed record Result(long Operations, TimeSpan Elapsed, IReadOnlyList<TimeSpan> Latencies, TimeSpan Paused = default)
    {
        public double PerSecond => Operations / Elapsed.TotalSeconds;

        /// <summary>Share of the elapsed time spent paused for garbage collection.</summary>
        public double PausedShare => Paused / Elapsed;

        /// <summary>Several runs of one measurement taken as one.</summary>
        public static Result Of(IEnumerable<Result> runs)
        {
            var all = runs.ToList();
            return new Result(all.Sum(r => r.Operations), TimeSpan.FromTicks(all.Sum(r => r.Elapsed.Ticks)), [.. all.SelectMany(r => r.Latencies)], TimeSpan.FromTicks(all.Sum(r => r.Paused.Ticks)));
        }

        public TimeSpan Percentile(double p)
        {
            var sorted = Latencies.Order().ToArray();
            return sorted.Length == 0 ? TimeSpan.Zero : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        }
    }

    /// <summary>
    /// Calls <paramref name="window"/> back to back from <paramref name="senders"/> loops for
    /// <paramref name="duration"/>; each window reports how many operations it completed.
    /// </summary>
    public static async Task<Result> Run(TimeSpan duration, int senders, Func<int, Task<int>> window)
    {
        var latencies = new List<TimeSpan>();
        long operations = 0;
        var pausedBefore = GC.GetTotalPauseDuration();
        var clock = Stopwatch.StartNew();
        var loops = Enumerable.Range(0, senders).Select(async sender =>
        {
            var sequence = 0;
            while (clock.Elapsed < duration)
            {
                var started = clock.Elapsed;
                var done = await window(sender * 1_000_000 + sequence++);
                var latency = clock.Elapsed - started;
                lock (latencies)
                {
                    latencies.Add(latency);
                    operations += done;
                }
            }
        });
        await Task.WhenAll(loops);
        return new Result(operations, clock.Elapsed, latencies, GC.GetTotalPauseDuration() - pausedBefore);
    }
}
