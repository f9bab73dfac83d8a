using System.Security.Cryptography;
using Hub.Dashboard.Access;
using Hub.Grains.Access;
using Hub.Grains.Model;
using Hub.Grains.Topology;

namespace Hub.Silo.Demo;

/// <summary>
/// Demo mode only: one user per role, with passwords made fresh at every start and printed, so
/// whoever started the demo can sign in and nobody else knows them.
/// </summary>
public sealed class DemoAccounts(IGrainFactory grains, TopologyCatalog topology, Passwords passwords, TimeProvider time) : IHostedService
{
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyz23456789";

    /// <summary>The lines printed at start, for whoever reads the console (and for tests of the demo).</summary>
    public const string Heading = "Demo sign-in";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var index = topology.Current;
        var city = index.Tops.Count > 0 ? index.Tops[0] : Jurisdiction.Everything;
        var district = index.Find(city) is { Children.Count: > 0 } top ? top.Children[0] : city;
        (string Name, Role Role, string Scope)[] users =
        [
            ("demo-viewer", Role.Viewer, city),
            ("demo-officer", Role.Officer, district),
            ("demo-leader", Role.Leader, city),
            ("demo-admin", Role.Admin, Jurisdiction.Everything),
        ];
        var accounts = grains.GetGrain<IAccountsGrain>(IAccountsGrain.Key);
        var lines = new List<string> { $"{Heading} (demo mode only; new passwords at every start):" };
        foreach (var (name, role, scope) in users)
        {
            var password = NewPassword();
            var hash = passwords.Hash(password);
            var now = time.GetUtcNow();
            if (!await accounts.Create(new UserAccount(name, role, scope, hash, false, now, "demo", now)))
            {
                await accounts.SetPassword(name, hash, now);
                await accounts.SetDisabled(name, false, now);
            }
            var scopeName = index.Find(scope)?.Name ?? "全部";
            lines.Add($"  {WireName.Of(role),-8} user {name,-13} password {password}   scope {scope} {scopeName}");
        }
        Console.WriteLine(string.Join(Environment.NewLine, lines));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static string NewPassword() =>
        string.Join('-', Enumerable.Range(0, 4).Select(_ => RandomNumberGenerator.GetString(Alphabet, 4)));
}
