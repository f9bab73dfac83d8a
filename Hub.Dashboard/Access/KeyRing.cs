using Hub.Grains.Access;
using Hub.Grains.Storage;

namespace Hub.Dashboard.Access;

/// <summary>Making center keys and recognising a presented one.</summary>
public sealed class KeyRing(IGrainFactory grains, TimeProvider time)
{
    private IApiKeysGrain Keys => grains.GetGrain<IApiKeysGrain>(IApiKeysGrain.Key);

    /// <summary>Makes a key; the returned text is the only copy of its secret.</summary>
    public async Task<(ApiKey Key, string Text)> Create(string center, string scope, string by)
    {
        var secret = Secrets.NewToken();
        var key = new ApiKey(Secrets.NewKeyId(), center, scope, Secrets.Digest(secret), time.GetUtcNow(), by);
        await Keys.Create(key);
        return (key, Secrets.Key(key.Id, secret));
    }

    /// <summary>The live key a presented text stands for; null for anything else.</summary>
    public async Task<ApiKey?> Authenticate(string presented)
    {
        if (!Secrets.TryParseKey(presented, out var id, out var secret))
        {
            return null;
        }
        var key = await Keys.Find(id);
        if (key is not { Revoked: false } || !Secrets.Matches(secret, key.SecretHash))
        {
            return null;
        }
        var now = time.GetUtcNow();
        if (key.UseIsNews(now))
        {
            try
            {
                await Keys.Used(key.Id, now);
            }
            catch (StorageUnavailableException)
            {
                // Bookkeeping only: the batch must not fail for it; the next request records the use.
            }
        }
        return key;
    }

    public Task<IReadOnlyList<ApiKey>> List() => Keys.List();

    public Task<ApiKey?> Find(string id) => Keys.Find(id);

    public Task<ApiKey?> Revoke(string id) => Keys.Revoke(id, time.GetUtcNow());
}
