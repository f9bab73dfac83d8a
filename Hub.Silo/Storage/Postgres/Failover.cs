using Orleans.Configuration;

namespace Hub.Silo.Storage.Postgres;

/// <summary>
/// Membership timing for a small cluster (two to five silos on one host or one LAN) that must take
/// over a dead silo's grains well inside a minute, without evicting a healthy silo that merely
/// paused. Orleans' defaults are tuned for large clusters on flaky networks.
/// </summary>
public static class Failover
{
    public static void Tune(ClusterMembershipOptions o)
    {
        // A silo is suspected after 3 missed probes of 3 s each: a 6 s garbage-collection pause
        // (or a stalled VM) stays under that, a dead silo is declared so 10-15 s after it stopped.
        o.ProbeTimeout = TimeSpan.FromSeconds(3);
        o.NumMissedProbesLimit = 3;
        // Votes: Orleans' default of two, which it lowers by itself to half the live silos (one of
        // two). A single slow prober among three or more can no longer evict a healthy peer alone.
        // Read the membership table often, so every silo learns of a death (or a join) within seconds.
        o.TableRefreshTimeout = TimeSpan.FromSeconds(5);
        // Heartbeats in the table let a restarting silo tell a stale entry from a live one quickly.
        o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(10);
        o.DeathVoteExpirationTimeout = TimeSpan.FromSeconds(30);
    }
}
