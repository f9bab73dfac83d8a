using Hub.Grains.Storage;

namespace Hub.Grains.Duty;

public sealed class DutyRosterGrain(
    [PersistentState("duty", HubStorage.Name)] IPersistentState<DutyRosterState> state) : Grain, IDutyRosterGrain
{
    public async Task Replace(IReadOnlyList<Shift> shifts)
    {
        var kept = state.State.Shifts;
        state.State.Shifts = shifts.OrderBy(s => s.From).ToList();
        try
        {
            await Durably.Write(this, state.WriteStateAsync);
        }
        catch (StorageUnavailableException)
        {
            state.State.Shifts = kept;
            throw;
        }
    }

    public Task<IReadOnlyList<Shift>> Shifts() => Task.FromResult<IReadOnlyList<Shift>>(state.State.Shifts);

    public Task<IReadOnlyList<Shift>> OnDuty(DateTimeOffset at) =>
        Task.FromResult<IReadOnlyList<Shift>>(state.State.Shifts.Where(s => s.Covers(at)).ToArray());
}
