using Orleans.Configuration;

namespace Hub.Silo.Storage.Postgres;

/// <summary>
/// Membership timing for a small cluster (two to a handful of silos) that must take over a dead
/// silo's grains well inside a minute. Orleans' defaults are tuned for large clusters on flaky
/// networks (a silo is declared dead after minutes); ours are on one host or one LAN.
/// </summary>
public static class Failover
{
    public static void Tune(ClusterMembershipOptions o)
    {
        // A silo that misses 3 probes of 2 s each is suspected; with its peers' votes it is declared
        // dead about 6–10 s after it stopped answering, and its grains reactivate elsewhere.
        o.ProbeTimeout = TimeSpan.FromSeconds(2);
        o.NumMissedProbesLimit = 3;
        // With two silos only the survivor can vote; it must be enough.
        o.NumVotesForDeathDeclaration = 1;
        // Read the membership table often, so every silo learns of a death (or a join) within seconds.
        o.TableRefreshTimeout = TimeSpan.FromSeconds(5);
        // Heartbeats in the table let a restarting silo tell a stale entry from a live one quickly.
        o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(10);
        o.DeathVoteExpirationTimeout = TimeSpan.FromSeconds(30);
    }
}
