using Hub.Dashboard.Wire;
using Hub.Grains.Topology;
using Hub.Silo.Demo;
using Microsoft.Extensions.Options;

namespace Hub.Silo.Hosting;

/// <summary>
/// Loads the topology before the hub starts listening: the <c>Hub:Topology</c> file when given,
/// else the stored one, else in demo mode (nothing stored yet) the built-in demo city. Outside
/// demo mode a hub with nothing stored starts empty and waits for <c>PUT /api/v1/topology</c>.
/// </summary>
public sealed class TopologyBootstrap(
    IOptions<SiloOptions> options,
    IGrainFactory grains,
    TopologySync sync,
    StartupRefusal refusal,
    ILogger<TopologyBootstrap> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var topology = grains.GetGrain<ITopologyGrain>(ITopologyGrain.Key);
        TopologyDocument? document = null;
        string? source = null;
        if (options.Value.Topology is { } path)
        {
            // A province's file takes seconds to read; the one the stored topology came from need not be read again.
            source = await Fingerprint(path, cancellationToken);
            var stored = await topology.Read();
            if (stored.Version > 0 && stored.Source == source)
            {
                logger.LogInformation("Topology version {Version} was read from this same file ({Path}); it is not read again", stored.Version, path);
            }
            else
            {
                var (read, errors) = await ReadFile(path, cancellationToken);
                if (read is null)
                {
                    refusal.Refuse(FileErrors(path, errors));
                    return;
                }
                document = read;
            }
        }
        else if (await topology.GetVersion() == 0)
        {
            if (options.Value.DemoEnabled)
            {
                document = DemoCity.Build();
            }
            else
            {
                logger.LogWarning("No topology is stored and Hub:Topology is not set: the hub is empty until an admin loads one (PUT /api/v1/topology)");
            }
        }
        if (document is not null)
        {
            var result = await topology.Replace(document, source);
            if (result.Errors.Count > 0)
            {
                refusal.Refuse(FileErrors(options.Value.Topology ?? "the demo city", result.Errors));
                return;
            }
            logger.LogInformation(
                "Topology version {Version}: {Units} units, {Workers} workers, {Devices} devices",
                result.Version, document.Units.Count, document.Workers.Count, document.Devices.Count);
        }
        await sync.Refresh();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The file's SHA-256, in hex.</summary>
    private static async Task<string> Fingerprint(string path, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, useAsync: true);
        return Convert.ToHexString(await System.Security.Cryptography.SHA256.HashDataAsync(file, cancellationToken));
    }

    private static async Task<(TopologyDocument? Document, IReadOnlyList<string> Errors)> ReadFile(string path, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, useAsync: true);
        return await TopologyReader.Read(file, long.MaxValue, cancellationToken);
    }

    /// <summary>The file's errors by JSON path, as the API answers them, each naming the setting it came from.</summary>
    private static string[] FileErrors(string path, IEnumerable<string> errors) =>
        [.. errors.Select(e => $"Hub:Topology '{path}': {e}")];
}
