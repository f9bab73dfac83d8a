namespace Hub.Grains.Access;

/// <summary>The durable state of the accounts grain. The alias is the stored type name: keep it stable.</summary>
[GenerateSerializer, Alias("hub.accounts-state.v1")]
public sealed class AccountsState
{
    /// <summary>By <see cref="UserAccount.KeyOf"/>.</summary>
    [Id(0)]
    public Dictionary<string, UserAccount> Users { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Failed sign-ins by <see cref="SignInFailures.KeyOf"/> (account and client address).</summary>
    [Id(1)]
    public Dictionary<string, SignInFailures> Failures { get; set; } = new(StringComparer.Ordinal);
}
