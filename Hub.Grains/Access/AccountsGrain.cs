using Hub.Grains.Storage;

namespace Hub.Grains.Access;

public sealed class AccountsGrain(
    [PersistentState("accounts", HubStorage.Name)] IPersistentState<AccountsState> state) : Grain, IAccountsGrain
{
    private Dictionary<string, UserAccount> Users => state.State.Users;

    public async Task<bool> Create(UserAccount account)
    {
        var key = UserAccount.KeyOf(account.Name);
        if (Users.ContainsKey(key))
        {
            return false;
        }
        await Durably.Put(this, Users, key, account, state.WriteStateAsync);
        return true;
    }

    public Task<UserAccount?> Find(string name) => Task.FromResult(Users.GetValueOrDefault(UserAccount.KeyOf(name)));

    public Task<IReadOnlyList<UserAccount>> List() =>
        Task.FromResult<IReadOnlyList<UserAccount>>(Users.Values.OrderBy(u => u.Name, StringComparer.Ordinal).ToArray());

    public Task<bool> HasAdmin() => Task.FromResult(Users.Values.Any(u => u.Role == Role.Admin && !u.Disabled));

    /// <summary>At most this many (account, address) failure records are kept; the oldest go first.</summary>
    private const int MaxFailureRecords = 10_000;

    private Dictionary<string, SignInFailures> Failures => state.State.Failures;

    public async Task<SignInAttempt> BeginSignIn(string name, string address, DateTimeOffset now, LockoutPolicy policy)
    {
        var key = UserAccount.KeyOf(name);
        if (!Users.TryGetValue(key, out var account))
        {
            return new SignInAttempt(null, null);
        }
        var failureKey = SignInFailures.KeyOf(key, address);
        var known = Failures.GetValueOrDefault(failureKey) is { } f && !f.IsForgotten(now) ? f : null;
        if (known?.IsLocked(now) == true)
        {
            return new SignInAttempt(null, known.LockedUntil);
        }
        var count = (known?.Count ?? 0) + 1;
        var delay = policy.DelayAfter(count);
        ForgetOldFailures(now);
        await Durably.Put(this, Failures, failureKey, new SignInFailures(count, now, delay is { } d ? now + d : null), state.WriteStateAsync);
        return new SignInAttempt(account, null);
    }

    public async Task SignedIn(string name, string address)
    {
        var failureKey = SignInFailures.KeyOf(UserAccount.KeyOf(name), address);
        if (Failures.Remove(failureKey, out var failures))
        {
            try
            {
                await Durably.Write(this, state.WriteStateAsync);
            }
            catch (StorageUnavailableException)
            {
                Failures[failureKey] = failures;
                throw;
            }
        }
    }

    private void ForgetOldFailures(DateTimeOffset now)
    {
        foreach (var old in Failures.Where(kv => kv.Value.IsForgotten(now)).Select(kv => kv.Key).ToList())
        {
            Failures.Remove(old);
        }
        if (Failures.Count >= MaxFailureRecords)
        {
            foreach (var oldest in Failures.Where(kv => !kv.Value.IsLocked(now)).OrderBy(kv => kv.Value.LastAt).Take(Failures.Count - MaxFailureRecords + 1).Select(kv => kv.Key).ToList())
            {
                Failures.Remove(oldest);
            }
        }
    }

    public async Task Rehash(string name, string previousHash, string passwordHash) =>
        await Update(name, a => a.PasswordHash == previousHash ? a with { PasswordHash = passwordHash } : a);

    public async Task<bool> Remove(string name)
    {
        var key = UserAccount.KeyOf(name);
        if (!Users.Remove(key, out var account))
        {
            return false;
        }
        try
        {
            await Durably.Write(this, state.WriteStateAsync);
        }
        catch (StorageUnavailableException)
        {
            Users[key] = account;
            throw;
        }
        return true;
    }

    public async Task<UserAccount?> SetPassword(string name, string passwordHash, DateTimeOffset now)
    {
        // A new password is a fresh start for every address.
        var prefix = SignInFailures.KeyOf(UserAccount.KeyOf(name), "");
        foreach (var key in Failures.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).ToList())
        {
            Failures.Remove(key);
        }
        return await Update(name, a => a with { PasswordHash = passwordHash, CredentialsSince = now });
    }

    public Task<UserAccount?> SetDisabled(string name, bool disabled, DateTimeOffset now) =>
        Update(name, a => a.Disabled == disabled ? a : a with { Disabled = disabled, CredentialsSince = disabled ? now : a.CredentialsSince });

    private async Task<UserAccount?> Update(string name, Func<UserAccount, UserAccount> change)
    {
        var key = UserAccount.KeyOf(name);
        if (!Users.TryGetValue(key, out var account))
        {
            return null;
        }
        var changed = change(account);
        if (changed != account)
        {
            await Durably.Put(this, Users, key, changed, state.WriteStateAsync);
        }
        return changed;
    }
}
