using Hub.Grains.Storage;

namespace Hub.Grains.Access;

public sealed class SessionGrain(
    [PersistentState("session", HubStorage.Name)] IPersistentState<SessionState> state) : Grain, ISessionGrain
{
    public async Task Open(Session session)
    {
        state.State.Session = session;
        await Durably.Write(this, state.WriteStateAsync);
    }

    public Task<Session?> Find(DateTimeOffset now)
    {
        if (state.State.Session is { } session && session.ExpiresAt > now)
        {
            return Task.FromResult<Session?>(session);
        }
        // A guessed, expired or ended token: nothing to keep in memory for it.
        DeactivateOnIdle();
        return Task.FromResult<Session?>(null);
    }

    public async Task<Session?> Renew(DateTimeOffset now, DateTimeOffset until)
    {
        if (state.State.Session is not { } session || session.ExpiresAt <= now)
        {
            return null;
        }
        if (until > session.ExpiresAt)
        {
            state.State.Session = session with { ExpiresAt = until };
            try
            {
                await Durably.Write(this, state.WriteStateAsync);
            }
            catch (StorageUnavailableException)
            {
                state.State.Session = session; // what storage still holds
                throw;
            }
        }
        return state.State.Session;
    }

    public async Task Close()
    {
        if (state.RecordExists)
        {
            await Durably.Write(this, state.ClearStateAsync);
        }
        state.State.Session = null;
        DeactivateOnIdle();
    }
}
