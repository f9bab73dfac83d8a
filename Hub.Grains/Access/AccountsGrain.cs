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
        await Durably.Put(Users, key, account, state.WriteStateAsync);
        return true;
    }

    public Task<UserAccount?> Find(string name) => Task.FromResult(Users.GetValueOrDefault(UserAccount.KeyOf(name)));

    public Task<IReadOnlyList<UserAccount>> List() =>
        Task.FromResult<IReadOnlyList<UserAccount>>(Users.Values.OrderBy(u => u.Name, StringComparer.Ordinal).ToArray());

    public Task<bool> HasAdmin() => Task.FromResult(Users.Values.Any(u => u.Role == Role.Admin && !u.Disabled));

    public async Task<SignInAttempt> BeginSignIn(string name, DateTimeOffset now, LockoutPolicy policy)
    {
        var key = UserAccount.KeyOf(name);
        if (!Users.TryGetValue(key, out var account))
        {
            return new SignInAttempt(null, null);
        }
        if (account.IsLocked(now))
        {
            return new SignInAttempt(null, account.LockedUntil);
        }
        var failures = account.FailedSignIns + 1;
        var counted = account with
        {
            FailedSignIns = failures,
            LockedUntil = failures >= policy.MaxFailures ? now + policy.Duration : null,
        };
        await Durably.Put(Users, key, failures >= policy.MaxFailures ? counted with { FailedSignIns = 0 } : counted, state.WriteStateAsync);
        return new SignInAttempt(account, null);
    }

    public async Task SignedIn(string name)
    {
        var key = UserAccount.KeyOf(name);
        if (Users.TryGetValue(key, out var account) && (account.FailedSignIns > 0 || account.LockedUntil is not null))
        {
            await Durably.Put(Users, key, account with { FailedSignIns = 0, LockedUntil = null }, state.WriteStateAsync);
        }
    }

    public async Task<bool> Remove(string name)
    {
        var key = UserAccount.KeyOf(name);
        if (!Users.Remove(key, out var account))
        {
            return false;
        }
        try
        {
            await Durably.Write(state.WriteStateAsync);
        }
        catch (StorageUnavailableException)
        {
            Users[key] = account;
            throw;
        }
        return true;
    }

    public Task<UserAccount?> SetPassword(string name, string passwordHash, DateTimeOffset now) =>
        Update(name, a => a with { PasswordHash = passwordHash, CredentialsSince = now, FailedSignIns = 0, LockedUntil = null });

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
            await Durably.Put(Users, key, changed, state.WriteStateAsync);
        }
        return changed;
    }
}
