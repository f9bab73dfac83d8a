namespace Hub.Bench;

/// <summary>The cheapest grain call there is: the baseline every other figure is divided by.</summary>
[Alias("bench.IPingGrain")]
public interface IPingGrain : IGrainWithIntegerKey
{
    [Alias("ping")]
    Task Ping();
}

public sealed class PingGrain : Grain, IPingGrain
{
    public Task Ping() => Task.CompletedTask;
}
