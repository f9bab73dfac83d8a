namespace Hub.Grains.Access;

/// <summary>
/// Every person who may sign in, in one grain keyed <see cref="Key"/>: a city has hundreds of
/// them, changes are rare, and one place makes "does an admin exist" and name uniqueness exact.
/// Password hashes are checked by the caller, off this grain, so a slow hash never holds it up.
/// </summary>
[Alias("hub.IAccountsGrain")]
public interface IAccountsGrain : IGrainWithStringKey
{
    public const string Key = "all";

    /// <summary>Adds a user; false (nothing changed) when the name is taken.</summary>
    [Alias("create")]
    Task<bool> Create(UserAccount account);

    [Alias("find"), ReadOnly]
    Task<UserAccount?> Find(string name);

    [Alias("list"), ReadOnly]
    Task<IReadOnlyList<UserAccount>> List();

    /// <summary>Whether an enabled admin exists.</summary>
    [Alias("has-admin"), ReadOnly]
    Task<bool> HasAdmin();

    /// <summary>
    /// Starts a sign-in from a client address. It counts as a failure until <see cref="SignedIn"/>
    /// says otherwise, so attempts made in parallel cannot outrun the wait (<see cref="LockoutPolicy"/>).
    /// </summary>
    [Alias("begin-sign-in")]
    Task<SignInAttempt> BeginSignIn(string name, string address, DateTimeOffset now, LockoutPolicy policy);

    /// <summary>The password was right: the failure count from that address starts again.</summary>
    [Alias("signed-in")]
    Task SignedIn(string name, string address);

    /// <summary>Sets a new password hash and ends the user's sessions; null when there is no such user.</summary>
    [Alias("set-password")]
    Task<UserAccount?> SetPassword(string name, string passwordHash, DateTimeOffset now);

    /// <summary>
    /// Replaces a password hash by a stronger one of the same password, if it is still
    /// <paramref name="previousHash"/>; sessions go on (the password did not change).
    /// </summary>
    [Alias("rehash")]
    Task Rehash(string name, string previousHash, string passwordHash);

    /// <summary>Removes a user (their sessions end with them); false when there is no such user.</summary>
    [Alias("remove")]
    Task<bool> Remove(string name);

    /// <summary>Disables (ending the user's sessions) or enables a user; null when there is no such user.</summary>
    [Alias("set-disabled")]
    Task<UserAccount?> SetDisabled(string name, bool disabled, DateTimeOffset now);
}
