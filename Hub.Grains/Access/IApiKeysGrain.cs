namespace Hub.Grains.Access;

/// <summary>Every center key, in one grain keyed <see cref="Key"/>; a key names its id, so checking one is a lookup.</summary>
[Alias("hub.IApiKeysGrain")]
public interface IApiKeysGrain : IGrainWithStringKey
{
    public const string Key = "all";

    [Alias("create")]
    Task Create(ApiKey key);

    [Alias("find"), ReadOnly]
    Task<ApiKey?> Find(string id);

    [Alias("list"), ReadOnly]
    Task<IReadOnlyList<ApiKey>> List();

    /// <summary>Records that a key was used (to the hour), so an admin sees which keys are alive before revoking one.</summary>
    [Alias("used")]
    Task Used(string id, DateTimeOffset now);

    /// <summary>Revokes a key for good; null when there is no such key.</summary>
    [Alias("revoke")]
    Task<ApiKey?> Revoke(string id, DateTimeOffset now);
}
