using Hub.Grains.Model;
using Hub.Grains.Topology;

namespace Hub.Grains.Units;

/// <summary>
/// Who of a grid's workers is on duty and who has lost contact (API.md §6): a worker is on duty
/// from any check-in but an end of shift, and lost contact while on duty and silent for longer than
/// the limit. Rules over the grid's stored duty records; the grid grain raises and ends the alerts.
/// </summary>
public sealed class DutyRoster(Dictionary<string, WorkerDuty> duties, TimeSpan lostContactAfter)
{
    public bool AnyOnDuty => duties.Values.Any(d => d.OnDuty);

    /// <summary>Applies a check-in; a late one older than the worker's latest changes nothing.</summary>
    /// <returns>The lost-contact alert this check-in ends, if any.</returns>
    public string? CheckedIn(CheckinReport c)
    {
        if (duties.TryGetValue(c.Worker, out var duty) && c.At < duty.LastAt)
        {
            return null;
        }
        duty ??= duties[c.Worker] = new WorkerDuty();
        duty.LastAt = c.At;
        duty.OnDuty = c.Kind != CheckinKind.End;
        var ended = duty.LostContactAlert;
        duty.LostContactAlert = null;
        return ended;
    }

    /// <summary>Of <paramref name="workers"/>, how many are on duty and how many of those have lost contact.</summary>
    public (int OnDuty, int LostContact) Count(IEnumerable<WorkerSpec> workers)
    {
        int onDuty = 0, lost = 0;
        foreach (var w in workers)
        {
            if (duties.TryGetValue(w.Id, out var duty) && duty.OnDuty)
            {
                onDuty++;
                lost += duty.IsLostContact ? 1 : 0;
            }
        }
        return (onDuty, lost);
    }

    /// <summary>Workers on duty, silent past the limit at <paramref name="now"/>, whose loss is not yet raised.</summary>
    public IReadOnlyList<(WorkerSpec Worker, DateTimeOffset LastAt)> NewlyLost(IEnumerable<WorkerSpec> workers, DateTimeOffset now) =>
        [.. workers
            .Where(w => duties.TryGetValue(w.Id, out var d) && d.OnDuty && d.LostContactAlert is null && now - d.LastAt > lostContactAfter)
            .Select(w => (w, duties[w.Id].LastAt))];

    /// <summary>Records the alert raised for a worker's lost contact; their next check-in ends it.</summary>
    public void Lost(string worker, string alert) => duties[worker].LostContactAlert = alert;
}
