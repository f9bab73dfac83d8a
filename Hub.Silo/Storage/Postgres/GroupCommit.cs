using System.Threading.Channels;

namespace Hub.Silo.Storage.Postgres;

/// <summary>
/// Group commit: callers append records and wait; one loop writes everything waiting in a single
/// transaction and then releases all of them together. While one commit is in flight the next
/// group gathers, so under load many requests share each round trip and "durable before 2xx" stays
/// cheap. When a shared commit fails in a way one member's records can cause (bad data), each
/// caller's records are written again alone, so one bad member fails only itself. A failure of the
/// database as a whole fails the group at once: retrying each alone would only wait longer.
/// With more than one lane, as many groups are in flight at once, each on a connection of its own:
/// only for records whose order between callers does not matter.
/// </summary>
public sealed class GroupCommit<T> : IAsyncDisposable
{
    private readonly Channel<(IReadOnlyList<T> Records, TaskCompletionSource Done)> _queue;

    private readonly Func<IReadOnlyList<T>, CancellationToken, Task> _write;
    private readonly Func<Exception, bool> _memberMayCause;
    private readonly int _maxRecords;
    private readonly Action<int, TimeSpan>? _committed;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task[] _lanes;
    private int _disposed;

    /// <param name="memberMayCause">Whether a failure may be one member's fault (then each is written alone); every failure when null.</param>
    /// <param name="lanes">Groups in flight at once.</param>
    /// <param name="committed">Told each shared commit's records and time (the hub's metrics).</param>
    public GroupCommit(Func<IReadOnlyList<T>, CancellationToken, Task> write, Func<Exception, bool>? memberMayCause = null, int maxRecords = 20_000, int lanes = 1,
        Action<int, TimeSpan>? committed = null)
    {
        _write = write;
        _committed = committed;
        _memberMayCause = memberMayCause ?? (_ => true);
        _maxRecords = maxRecords;
        _queue = Channel.CreateUnbounded<(IReadOnlyList<T>, TaskCompletionSource)>(new UnboundedChannelOptions { SingleReader = lanes == 1 });
        _lanes = [.. Enumerable.Range(0, lanes).Select(_ => Task.Run(Loop))];
    }

    /// <summary>Completes once <paramref name="records"/> are committed.</summary>
    public Task Append(IReadOnlyList<T> records)
    {
        if (records.Count == 0)
        {
            return Task.CompletedTask;
        }
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_queue.Writer.TryWrite((records, done)))
        {
            done.SetException(new ObjectDisposedException(nameof(GroupCommit<T>)));
        }
        return done.Task;
    }

    /// <summary>Writes what is waiting, then stops. Safe to call more than once (the container may, for one instance behind several services).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        _queue.Writer.TryComplete();
        await Task.WhenAll(_lanes);
        await _stopping.CancelAsync();
        _stopping.Dispose();
    }

    private async Task Loop()
    {
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync())
        {
            var group = new List<(IReadOnlyList<T> Records, TaskCompletionSource Done)>();
            var records = new List<T>();
            while (records.Count < _maxRecords && reader.TryRead(out var item))
            {
                group.Add(item);
                records.AddRange(item.Records);
            }
            try
            {
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                await _write(records, _stopping.Token);
                _committed?.Invoke(records.Count, System.Diagnostics.Stopwatch.GetElapsedTime(started));
                group.ForEach(g => g.Done.SetResult());
            }
            catch (Exception e) when (group.Count > 1 && _memberMayCause(e))
            {
                await EachAlone(group);
            }
            catch (Exception e)
            {
                group.ForEach(g => g.Done.SetException(e));
            }
        }
    }

    private async Task EachAlone(List<(IReadOnlyList<T> Records, TaskCompletionSource Done)> group)
    {
        foreach (var (records, done) in group)
        {
            try
            {
                await _write(records, _stopping.Token);
                done.SetResult();
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        }
    }
}
