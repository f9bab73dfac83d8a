using Hub.Silo.Storage.Postgres;

namespace Hub.Tests.Unit;

public class GroupCommitTests
{
    [Fact]
    public async Task Callers_waiting_together_share_one_commit_and_all_return_after_it()
    {
        var commits = new List<int>();
        var gate = new TaskCompletionSource();
        var inFlight = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var group = new GroupCommit<int>(async (records, _) =>
        {
            inFlight.TrySetResult();
            await gate.Task;
            lock (commits)
            {
                commits.Add(records.Count);
            }
        });
        var first = group.Append([0]);
        await inFlight.Task;
        var waiting = Enumerable.Range(1, 100).Select(i => group.Append([i, i])).ToArray();
        Assert.All(waiting, t => Assert.False(t.IsCompleted));
        gate.SetResult();
        await Task.WhenAll(waiting.Append(first));
        Assert.Equal([1, 200], commits);
    }

    [Fact]
    public async Task A_failed_commit_fails_every_caller_in_it_and_the_next_one_starts_clean()
    {
        var fail = true;
        await using var group = new GroupCommit<string>((_, _) => fail ? throw new InvalidOperationException("disk full") : Task.CompletedTask);
        var failed = await Assert.ThrowsAsync<InvalidOperationException>(() => group.Append(["a"]));
        Assert.Equal("disk full", failed.Message);
        fail = false;
        await group.Append(["b"]);
    }

    [Fact]
    public async Task A_member_whose_records_fail_fails_alone_and_the_others_of_its_group_are_committed()
    {
        var committed = new List<string>();
        var gate = new TaskCompletionSource();
        var inFlight = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var group = new GroupCommit<string>(async (records, _) =>
        {
            inFlight.TrySetResult();
            await gate.Task;
            if (records.Contains("poison"))
            {
                throw new InvalidOperationException("22021: invalid byte sequence");
            }
            lock (committed)
            {
                committed.AddRange(records);
            }
        });
        var first = group.Append(["first"]);
        await inFlight.Task;
        var good1 = group.Append(["a", "b"]);
        var bad = group.Append(["c", "poison"]);
        var good2 = group.Append(["d"]);
        gate.SetResult();
        await Task.WhenAll(first, good1, good2);
        var failed = await Assert.ThrowsAsync<InvalidOperationException>(() => bad);
        Assert.Contains("22021", failed.Message);
        Assert.Equal(["a", "b", "d", "first"], committed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_failure_no_member_can_cause_fails_the_whole_group_at_once_without_retries()
    {
        var writes = 0;
        var gate = new TaskCompletionSource();
        var inFlight = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var group = new GroupCommit<string>(async (_, _) =>
        {
            Interlocked.Increment(ref writes);
            inFlight.TrySetResult();
            await gate.Task;
            throw new TimeoutException("the database does not answer");
        }, memberMayCause: e => e is InvalidOperationException);
        var first = group.Append(["first"]);
        await inFlight.Task;
        var waiting = Enumerable.Range(0, 5).Select(i => group.Append([$"r{i}"])).ToArray();
        gate.SetResult();
        await Assert.ThrowsAsync<TimeoutException>(() => first);
        foreach (var task in waiting)
        {
            await Assert.ThrowsAsync<TimeoutException>(() => task);
        }
        Assert.Equal(2, writes); // the first alone, then the five together: none again alone
    }

    [Fact]
    public async Task Disposing_writes_what_waits_and_a_second_dispose_is_harmless()
    {
        var written = new List<int>();
        var group = new GroupCommit<int>((records, _) =>
        {
            written.AddRange(records);
            return Task.CompletedTask;
        });
        var waiting = group.Append([1, 2]);
        await group.DisposeAsync();
        await group.DisposeAsync();
        await waiting;
        Assert.Equal([1, 2], written);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => group.Append([3]));
    }
}
