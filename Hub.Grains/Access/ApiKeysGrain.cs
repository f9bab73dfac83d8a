using Hub.Grains.Storage;

namespace Hub.Grains.Access;

public sealed class ApiKeysGrain(
    [PersistentState("api-keys", HubStorage.Name)] IPersistentState<ApiKeysState> state) : Grain, IApiKeysGrain
{
    private Dictionary<string, ApiKey> Keys => state.State.Keys;

    public Task Create(ApiKey key)
    {
        if (Keys.ContainsKey(key.Id))
        {
            throw new InvalidOperationException($"key id '{key.Id}' exists");
        }
        return Durably.Put(this, Keys, key.Id, key, state.WriteStateAsync);
    }

    public Task<ApiKey?> Find(string id) => Task.FromResult(Keys.GetValueOrDefault(id));

    public Task<IReadOnlyList<ApiKey>> List() =>
        Task.FromResult<IReadOnlyList<ApiKey>>(Keys.Values.OrderBy(k => k.CreatedAt).ThenBy(k => k.Id, StringComparer.Ordinal).ToArray());

    public Task Used(string id, DateTimeOffset now) =>
        Keys.TryGetValue(id, out var key) && key.UseIsNews(now)
            ? Durably.Put(this, Keys, key.Id, key with { LastUsedAt = now }, state.WriteStateAsync)
            : Task.CompletedTask;

    public async Task<ApiKey?> Revoke(string id, DateTimeOffset now)
    {
        if (!Keys.TryGetValue(id, out var key))
        {
            return null;
        }
        if (!key.Revoked)
        {
            key = key with { RevokedAt = now };
            await Durably.Put(this, Keys, key.Id, key, state.WriteStateAsync);
        }
        return key;
    }
}
