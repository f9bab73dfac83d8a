using Hub.Grains.Model;
using Hub.Grains.Units;

namespace Hub.Grains.Ingest;

/// <summary>
/// The check-ins on their way to one grid from this silo. While a call to the grid is in flight,
/// what other requests bring for it waits here and goes in the next call, together: concurrent
/// requests touching one grid cost it one call, one history record and one state write instead of
/// one each. An idle grid is called at once; a request waits for at most the call in flight and
/// its own. Each request is answered for its own check-ins, in the order they arrived.
/// </summary>
public sealed class GridInbox(IGridGrain grid)
{
    /// <summary>Check-ins taken into one call at most (one request's batch is always taken whole).</summary>
    public const int MaxPerCall = 5_000;

    private readonly Lock _lock = new();
    private readonly Queue<Waiting> _waiting = new();
    private bool _calling;

    public Task<CheckinResult> Apply(IReadOnlyList<CheckinReport> checkins)
    {
        var waiting = new Waiting(checkins);
        bool start;
        lock (_lock)
        {
            _waiting.Enqueue(waiting);
            start = !_calling;
            _calling = true;
        }
        if (start)
        {
            _ = Deliver();
        }
        return waiting.Result.Task;
    }

    private async Task Deliver()
    {
        while (Next() is { } calls)
        {
            try
            {
                // Off any caller's context: the loop serves every request that waits, not the first one's grain.
                var results = await grid.ApplyCheckinGroups(calls.Select(w => w.Checkins).ToArray()).ConfigureAwait(false);
                for (var i = 0; i < calls.Count; i++)
                {
                    calls[i].Result.TrySetResult(results[i]);
                }
            }
            catch (Exception e)
            {
                foreach (var call in calls)
                {
                    call.Result.TrySetException(e);
                }
            }
        }
    }

    /// <summary>What goes in the next call, oldest first; null (and no call in flight any more) when nothing waits.</summary>
    private List<Waiting>? Next()
    {
        lock (_lock)
        {
            if (_waiting.Count == 0)
            {
                _calling = false;
                return null;
            }
            var next = new List<Waiting> { _waiting.Dequeue() };
            var count = next[0].Checkins.Count;
            while (_waiting.TryPeek(out var more) && count + more.Checkins.Count <= MaxPerCall)
            {
                next.Add(_waiting.Dequeue());
                count += more.Checkins.Count;
            }
            return next;
        }
    }

    private sealed class Waiting(IReadOnlyList<CheckinReport> checkins)
    {
        public IReadOnlyList<CheckinReport> Checkins { get; } = checkins;

        // Answered requests go on by themselves, not inside the loop that serves the next call.
        public TaskCompletionSource<CheckinResult> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
