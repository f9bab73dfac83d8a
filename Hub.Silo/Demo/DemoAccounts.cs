using System.Security.Cryptography;
using Hub.Dashboard.Access;
using Hub.Grains.Access;
using Hub.Grains.Duty;
using Hub.Grains.Model;
using Hub.Grains.Topology;
using Hub.Silo.Hosting;
using Microsoft.Extensions.Options;

namespace Hub.Silo.Demo;

/// <summary>
/// Demo users exist exactly while demo mode is on: one per role (the department's user works for the
/// first street's police station, which the demo feed whistles to), with passwords made fresh at
/// every start and printed, so whoever started the demo can sign in and nobody else knows them. One
/// an admin disabled stays disabled; with demo mode off they are removed at start. The demo officer
/// and leader are put on watch at the first district for the day, the leader at the city too.
/// </summary>
public sealed class DemoAccounts(
    IOptions<SiloOptions> options,
    IGrainFactory grains,
    TopologyCatalog topology,
    Passwords passwords,
    TimeProvider time,
    ILogger<DemoAccounts> logger) : IHostedService
{
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyz23456789";

    /// <summary>What <see cref="UserAccount.CreatedBy"/> says of a demo user: not a user name (those have no spaces), so nothing else is ever removed.</summary>
    public const string Creator = "demo mode";

    /// <summary>The lines printed at start, for whoever reads the console (and for tests of the demo).</summary>
    public const string Heading = "Demo sign-in";

    public Task StartAsync(CancellationToken cancellationToken) => options.Value switch
    {
        { DemoFeedEnabled: true } => Open(),
        { DemoEnabled: false } => RemoveAll(),
        _ => Task.CompletedTask, // a demo cluster's other silos: the feed's silo keeps the demo users
    };

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task Open()
    {
        if (options.Value.DemoOnDurableStorage)
        {
            logger.LogWarning(
                "DEMO MODE ON DURABLE STORAGE (Hub:Demo=true with Hub:Storage={Storage}): a made-up city, its simulated feed and demo users " +
                "with printed passwords go into this database. Never run it against a city's database.", options.Value.Storage);
        }
        var index = topology.Current;
        var city = index.Tops.Count > 0 ? index.Tops[0] : Jurisdiction.Everything;
        var district = index.Find(city) is { Children.Count: > 0 } top ? top.Children[0] : city;
        var police = index.Find(district)?.Children.Select(street => index.DepartmentsServing(street).FirstOrDefault(d => d.Code.EndsWith("-PS", StringComparison.Ordinal)))
            .FirstOrDefault(d => d is not null);
        // The grid worker of the district's first grid, for the field page (/field).
        var grid = index.Find(district);
        while (grid is { Level: not UnitLevel.Grid, Children.Count: > 0 })
        {
            grid = index.Find(grid.Children[0]);
        }
        var worker = grid is not null && index.WorkersOf(grid.Code) is [var first, ..] ? first : null;
        (string Name, Role Role, string Scope, string? Department, string? Worker)[] users =
        [
            ("demo-viewer", Role.Viewer, city, null, null),
            ("demo-officer", Role.Officer, district, null, null),
            ("demo-leader", Role.Leader, city, null, null),
            ("demo-admin", Role.Admin, Jurisdiction.Everything, null, null),
            .. police is null ? [] : new (string, Role, string, string?, string?)[] { ("demo-police", Role.Department, police.Unit, police.Code, null) },
            .. worker is null ? [] : new (string, Role, string, string?, string?)[] { ("demo-worker", Role.Worker, worker.Grid, null, worker.Id) },
        ];
        var accounts = grains.GetGrain<IAccountsGrain>(IAccountsGrain.Key);
        var lines = new List<string> { $"{Heading} (demo mode only; new passwords at every start):" };
        foreach (var (name, role, scope, department, workerId) in users)
        {
            var password = NewPassword();
            var hash = passwords.Hash(password);
            var now = time.GetUtcNow();
            if (!await accounts.Create(new UserAccount(name, role, scope, hash, false, now, Creator, now, department, workerId)))
            {
                var known = await accounts.Find(name);
                if (known is not { CreatedBy: Creator, Disabled: false })
                {
                    // Disabled by an admin, or a real user's name: never opened again from here.
                    lines.Add($"  {WireName.Of(role),-10} user {name,-13} (not opened: {(known?.Disabled == true ? "disabled by an admin" : "not a demo user")})");
                    continue;
                }
                await accounts.SetPassword(name, hash, now);
            }
            var scopeName = index.Find(scope)?.Name ?? "全部";
            lines.Add($"  {WireName.Of(role),-10} user {name,-13} password {password}   scope {scope} {scopeName}");
        }
        Console.WriteLine(string.Join(Environment.NewLine, lines));
        var today = time.GetUtcNow();
        await grains.GetGrain<IDutyRosterGrain>(district).Replace(
        [
            new Shift(today.AddHours(-1), today.AddDays(1), "demo-officer", DutyPost.Officer),
            new Shift(today.AddHours(-1), today.AddDays(1), "demo-leader", DutyPost.Leader),
        ]);
        await grains.GetGrain<IDutyRosterGrain>(city).Replace([new Shift(today.AddHours(-1), today.AddDays(1), "demo-leader", DutyPost.Leader)]);
    }

    private async Task RemoveAll()
    {
        var accounts = grains.GetGrain<IAccountsGrain>(IAccountsGrain.Key);
        foreach (var account in await accounts.List())
        {
            if (account.CreatedBy == Creator && await accounts.Remove(account.Name))
            {
                logger.LogWarning("Removed demo user '{User}': demo mode is off", account.Name);
            }
        }
    }

    private static string NewPassword() =>
        string.Join('-', Enumerable.Range(0, 4).Select(_ => RandomNumberGenerator.GetString(Alphabet, 4)));
}
