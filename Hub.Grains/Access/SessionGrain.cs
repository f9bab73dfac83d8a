using Hub.Grains.Storage;

namespace Hub.Grains.Access;

public sealed class SessionGrain(
    [PersistentState("session", HubStorage.Name)] IPersistentState<SessionState> state) : Grain, ISessionGrain
{
    public async Task Open(Session session)
    {
        state.State.Session = session;
        await Durably.Write(state.WriteStateAsync);
    }

    public Task<Session?> Find(DateTimeOffset now) =>
        Task.FromResult(state.State.Session is { } s && s.ExpiresAt > now ? s : null);

    public async Task Close()
    {
        if (state.RecordExists)
        {
            await Durably.Write(state.ClearStateAsync);
        }
        state.State.Session = null;
        DeactivateOnIdle();
    }
}
