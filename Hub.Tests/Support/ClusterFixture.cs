using System.Collections.Concurrent;
using Hub.Grains;
using Hub.Grains.Topology;
using Hub.Silo.Storage.Memory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime.Hosting;
using Orleans.TestingHost;

namespace Hub.Tests.Support;

/// <summary>An in-process Orleans cluster with the hub's grains on memory storage, loaded with <see cref="TestCity"/>.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; } = new TestClusterBuilder(1).AddSiloBuilderConfigurator<Configurator>().Build();

    public IGrainFactory Grains => Cluster.GrainFactory;

    public async Task InitializeAsync()
    {
        await Cluster.DeployAsync();
        var result = await Grains.GetGrain<ITopologyGrain>(ITopologyGrain.Key).Replace(TestCity.Build());
        Assert.Empty(result.Errors);
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    private sealed class Configurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Hub:LostContactMinutes"] = "30",
            }).Build();
            // The store the hub itself runs on memory: Orleans' own memory provider goes through JSON.
            silo.Services.AddGrainStorage(HubStorage.Name, (sp, _) =>
                new MemoryStateStore(new Orleans.Storage.OrleansGrainStorageSerializer(sp.GetRequiredService<Orleans.Serialization.Serializer>()), sp.GetRequiredService<Hub.Grains.History.ICheckinJournal>()));
            silo.UseInMemoryReminderService();
            silo.Services.AddHubDomain(configuration);
            silo.Services.AddMemoryHistory();
            silo.AddIncomingGrainCallFilter<ReportCounter>();
        }
    }
}

/// <summary>Counts the tallies each area receives from each child, to observe coalescing from outside.</summary>
public sealed class ReportCounter : IIncomingGrainCallFilter
{
    private static readonly ConcurrentDictionary<(string Parent, string Child), int> Counts = new();

    public static int Of(string parent, string child) => Counts.GetValueOrDefault((parent, child));

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.InterfaceMethod?.Name == "ReportChild" && context.Request.GetArgumentCount() > 0)
        {
            var child = (string)context.Request.GetArgument(0)!;
            Counts.AddOrUpdate((context.TargetId.Key.ToString()!, child), 1, (_, n) => n + 1);
        }
        await context.Invoke();
    }
}
