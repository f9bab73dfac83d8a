using System.Collections.Concurrent;
using Hub.Grains.Access;
using Hub.Grains.Storage;

namespace Hub.Dashboard.Access;

/// <summary>
/// Making center keys and recognising a presented one. Each silo remembers the keys it has looked
/// up for <see cref="Freshness"/>, so a busy center's requests do not all queue at the one grain
/// that holds the keys; a key revoked on this silo is refused at once, on the others within that time.
/// </summary>
public sealed class KeyRing(IGrainFactory grains, TimeProvider time)
{
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, (ApiKey Key, DateTimeOffset Read)> _known = new(StringComparer.Ordinal);

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
        var key = await Known(id);
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
                _known[id] = (key with { LastUsedAt = now }, _known.TryGetValue(id, out var read) ? read.Read : now);
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

    public async Task<ApiKey?> Revoke(string id)
    {
        var revoked = await Keys.Revoke(id, time.GetUtcNow());
        _known.TryRemove(id, out _);
        return revoked;
    }

    /// <summary>The key as this silo last read it, if that is fresh enough; else as the grain holds it now.</summary>
    private async Task<ApiKey?> Known(string id)
    {
        var now = time.GetUtcNow();
        if (_known.TryGetValue(id, out var known) && now - known.Read < Freshness)
        {
            return known.Key;
        }
        var key = await Keys.Find(id);
        if (key is not null)
        {
            // Only keys that exist are remembered: presented nonsense must not fill memory.
            _known[id] = (key, now);
        }
        return key;
    }
}
