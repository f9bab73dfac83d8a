using Hub.Grains.Topology;

namespace Hub.Grains.Duty;

/// <summary>
/// Who to tell when a case reaches a unit (escalation, supervision): the people on duty there, or,
/// when nobody is on watch there, at the next unit up, and so on to the top.
/// </summary>
public static class DutyNotice
{
    /// <returns>The users on duty at the nearest unit, from <paramref name="unit"/> upward, that has any; empty when none has.</returns>
    public static async Task<IReadOnlyList<string>> Who(IGrainFactory grains, TopologyIndex topology, string unit, DateTimeOffset at)
    {
        var path = topology.Find(unit)?.Path ?? [unit];
        for (var i = path.Count - 1; i >= 0; i--)
        {
            var onDuty = await grains.GetGrain<IDutyRosterGrain>(path[i]).OnDuty(at);
            if (onDuty.Count > 0)
            {
                return onDuty.Select(s => s.User).Distinct(StringComparer.Ordinal).ToArray();
            }
        }
        return [];
    }
}
