using System.Collections.Concurrent;
using Hub.Dashboard.Access;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Hub.Dashboard.Live;

/// <summary>
/// A wall connection is authenticated once, when it opens, and then only receives. This silo's open
/// connections are checked against their sessions every 10 seconds (two grain reads per session),
/// and one whose session was ended (signed out, password changed or reset, user disabled) is
/// closed, so it stops receiving within seconds instead of when its session would have expired.
/// </summary>
public sealed class WallSessions(Sessions sessions, ILogger<WallSessions> logger) : BackgroundService
{
    public static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, (HubCallerContext Connection, string SessionKey)> _open = new(StringComparer.Ordinal);

    public void Opened(HubCallerContext connection)
    {
        if (connection.User?.FindFirst(HubClaims.Session)?.Value is { } sessionKey)
        {
            _open[connection.ConnectionId] = (connection, sessionKey);
        }
    }

    public void Closed(string connectionId) => _open.TryRemove(connectionId, out _);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(CheckEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                foreach (var group in _open.GroupBy(c => c.Value.SessionKey, c => c.Value.Connection))
                {
                    try
                    {
                        if (!await sessions.IsLive(group.Key))
                        {
                            foreach (var connection in group)
                            {
                                Closed(connection.ConnectionId);
                                connection.Abort();
                            }
                        }
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        logger.LogWarning(e, "Could not check a wall connection's session; trying again in {Interval}", CheckEvery);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
