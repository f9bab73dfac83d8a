using Hub.Grains.Model;

namespace Hub.Grains.Units;

/// <summary>
/// A community, street, district or city: the sum of its children (soft, rebuilt by asking them)
/// plus the alerts reported on the unit itself (durable).
/// </summary>
[Alias("hub.IAreaGrain")]
public interface IAreaGrain : IUnitGrain
{
    /// <summary>A child's whole tally, sent at most a few times a second; <paramref name="urgent"/> skips the wait (a critical raise).</summary>
    [Alias("report"), OneWay]
    Task ReportChild(string child, UnitTally tally, long version, bool urgent);
}
