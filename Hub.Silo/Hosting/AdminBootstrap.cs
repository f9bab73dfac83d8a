using Hub.Dashboard.Access;
using Hub.Grains.Access;
using Microsoft.Extensions.Options;

namespace Hub.Silo.Hosting;

/// <summary>
/// <c>Hub:Bootstrap:AdminPassword</c>: when set and no admin exists, creates user <c>admin</c> over
/// the whole topology with it. The only way a hub outside demo mode gets its first user.
/// </summary>
public sealed class AdminBootstrap(
    IOptions<SiloOptions> options,
    IGrainFactory grains,
    Passwords passwords,
    TimeProvider time,
    StartupRefusal refusal,
    ILogger<AdminBootstrap> logger) : IHostedService
{
    public const string AdminName = "admin";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // The password's rules were checked with the other settings (SiloOptions.Problems); a hub
        // refused at start (its topology file) leaves its database as it found it.
        if (options.Value.Bootstrap.AdminPassword is not { Length: > 0 } password || refusal.Refused is not null)
        {
            return;
        }
        var accounts = grains.GetGrain<IAccountsGrain>(IAccountsGrain.Key);
        if (await accounts.HasAdmin())
        {
            return;
        }
        var now = time.GetUtcNow();
        var admin = new UserAccount(AdminName, Role.Admin, Jurisdiction.Everything, passwords.Hash(password), false, now, "bootstrap", now);
        if (await accounts.Create(admin))
        {
            logger.LogWarning("Created user '{User}' (admin over the whole topology) from Hub:Bootstrap:AdminPassword", AdminName);
        }
        else
        {
            // A disabled or demoted 'admin' exists; reusing the name would hand its history to someone else.
            logger.LogWarning("No enabled admin exists, but user '{User}' does: enable it or reset its password with another admin", AdminName);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
