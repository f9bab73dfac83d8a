using Hub.Grains.Alerts;
using Hub.Grains.Model;
using Hub.Grains.Push;

namespace Hub.Grains.Units;

/// <summary>What every unit grain (grid or area) answers: its tally, its status, and the alerts it holds.</summary>
[Alias("hub.IUnitGrain")]
public interface IUnitGrain : IGrainWithStringKey
{
    /// <summary>The whole subtree's tally. Interleaves, so a parent may ask while this grain is busy.</summary>
    [Alias("tally"), AlwaysInterleave]
    Task<VersionedTally> GetTally();

    /// <summary>The status of this unit, or of one of its buildings when this is a grid; null if it holds no such unit.</summary>
    [Alias("status"), AlwaysInterleave]
    Task<UnitStatus?> GetStatus(string code);

    /// <summary>A silo's bridge watches <paramref name="code"/> (this unit, or a building of this grid): its status is pushed on change, at most 4 a second.</summary>
    [Alias("watch")]
    Task Watch(string code, IWallObserver bridge);

    [Alias("unwatch")]
    Task Unwatch(string code, IWallObserver bridge);

    /// <summary>Re-reads the topology after a replace and reports again.</summary>
    [Alias("resync")]
    Task Resync();

    /// <summary>Records alerts on units this grain holds, in order (a later report may merge into an earlier one).</summary>
    [Alias("raise")]
    Task<IReadOnlyList<RaiseResult>> RaiseAlerts(IReadOnlyList<AlertReport> reports);

    /// <summary>An alert this grain holds moved on (ack, resolve, clear, ...).</summary>
    [Alias("alert-changed"), OneWay]
    Task AlertChanged(AlertEntry entry);
}

/// <summary>A tally stamped with the sender's version, so that a parent keeps only the newest.</summary>
[GenerateSerializer, Immutable, Alias("hub.versioned-tally")]
public sealed record VersionedTally(UnitTally Tally, long Version);
