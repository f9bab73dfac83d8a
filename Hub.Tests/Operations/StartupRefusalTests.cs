using Hub.Tests.Support;

namespace Hub.Tests.Operations;

/// <summary>
/// A wrong setting stops the built hub at start with one line per problem naming the key and what
/// is allowed, and exit code 1: no stack trace, no Orleans shutdown log, nothing listening.
/// </summary>
public class StartupRefusalTests
{
    private const string Refused = "Governance Hub cannot start: ";

    public static TheoryData<string, string, string> BadSettings() => new()
    {
        { "Hub:Storage", "mongo", "Hub:Storage must be memory or postgres; it is 'mongo'" },
        { "Hub:TimeZone", "Mars/Olympus_Mons", "Hub:TimeZone 'Mars/Olympus_Mons' is not a time zone this host knows; use an IANA name such as Asia/Shanghai" },
        { "Hub:LostContactMinutes", "0", "Hub:LostContactMinutes must be more than 0 and at most 1440 minutes; it is 0" },
        { "Hub:Sla:Ack:Critical", "-00:02:00", "Hub:Sla:Ack:Critical must be more than 00:00:00 and at most 366.00:00:00 (d.hh:mm:ss); it is -00:02:00" },
        { "Hub:Sla:Stage:Verify:Major", "400.00:00:00", "Hub:Sla:Stage:Verify:Major must be more than 00:00:00 and at most 366.00:00:00 (d.hh:mm:ss); it is 400.00:00:00" },
        { "Hub:SiloPort", "eleven", "Hub:SiloPort must be a whole number" },
        { "Hub:Cases:ReworkRateOf", "everything", "Hub:Cases:ReworkRateOf must be one of Handled, Raised, Closed" },
        { "Hub:Calendar:Hours:0", "9-12", "Hub:Calendar:Hours: '9-12' is not a period like 09:00-12:00" },
        { "Hub:Auth:KnownProxies:0", "proxy.local", "Hub:Auth:KnownProxies: 'proxy.local' is not an IP address (a proxy is named by its address, such as 10.0.0.5)" },
        { "Hub:History:RetentionDays", "0", "Hub:History:RetentionDays must be 1 to 36600 days; it is 0" },
        { "Hub:Wall:FoldAt", "1", "Hub:Wall:FoldAt must be 2 to 1000; it is 1" },
        { "Hub:Bootstrap:AdminPassword", "short", "Hub:Bootstrap:AdminPassword: the password must have at least 12 characters" },
        { "Hub:Kubernetes", "true", "Hub:Kubernetes needs Hub:Storage postgres (silos in pods share their membership through PostgreSQL)" },
        { "Hub:Topology", "/nonexistent/city.json", "Hub:Topology names a file that does not exist: '/nonexistent/city.json'" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task A_wrong_setting_is_one_line_naming_the_key_and_exit_code_1(string key, string value, string line)
    {
        var settings = new Dictionary<string, string> { [key] = value };
        if (key == "Hub:Calendar:Hours:0")
        {
            settings["Hub:Calendar:Enabled"] = "true";
        }
        var (exitCode, output) = await SiloProcess.RunToExit(settings, TimeSpan.FromSeconds(60));

        Assert.Equal(1, exitCode);
        Assert.Equal([Refused + line], Lines(output));
    }

    [Fact]
    public async Task Postgres_without_a_connection_string_is_refused_before_anything_connects()
    {
        var (exitCode, output) = await SiloProcess.RunToExit(new Dictionary<string, string> { ["Hub:Storage"] = "postgres" }, TimeSpan.FromSeconds(60));

        Assert.Equal(1, exitCode);
        Assert.Equal([Refused + "ConnectionStrings:Hub is required with Hub:Storage postgres (an Npgsql connection string: Host=…;Username=…;Password=…;Database=…)"], Lines(output));
    }

    [Fact]
    public async Task Every_wrong_setting_is_named_at_once()
    {
        var (exitCode, output) = await SiloProcess.RunToExit(
            new Dictionary<string, string> { ["Hub:LostContactMinutes"] = "1441", ["Hub:Sla:Handle:Minor"] = "00:00:00", ["Hub:Auth:KeyBurst"] = "0" },
            TimeSpan.FromSeconds(60));

        Assert.Equal(1, exitCode);
        Assert.Equal(
            [
                Refused + "Hub:Auth:KeyBurst must be 1 to 10000000; it is 0",
                Refused + "Hub:LostContactMinutes must be more than 0 and at most 1440 minutes; it is 1441",
                Refused + "Hub:Sla:Handle:Minor must be more than 00:00:00 and at most 366.00:00:00 (d.hh:mm:ss); it is 00:00:00",
            ],
            Lines(output).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_topology_file_that_does_not_validate_prints_its_errors_by_json_path_and_exit_code_1()
    {
        var file = Path.Combine(Path.GetTempPath(), $"hub-bad-topology-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """
            {"units": [{"code": "C", "name": "城", "level": "city"},
                       {"code": "C-G", "name": "网格", "level": "grid", "parent": "NOWHERE"}],
             "workers": [{"id": 7, "name": "张三", "grid": "C-G"}],
             "devices": []}
            """);
        try
        {
            var (exitCode, output) = await SiloProcess.RunToExit(new Dictionary<string, string> { ["Hub:Topology"] = file }, TimeSpan.FromSeconds(90));

            Assert.Equal(1, exitCode);
            var lines = Lines(output);
            Assert.Contains(Refused + $"Hub:Topology '{file}': workers[0].id: must be a string", lines);
            Assert.All(lines, l => Assert.StartsWith(Refused + $"Hub:Topology '{file}': ", l, StringComparison.Ordinal));
            Assert.DoesNotContain("is up", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_topology_whose_units_do_not_nest_is_refused_with_the_unit_named_by_path()
    {
        var file = Path.Combine(Path.GetTempPath(), $"hub-bad-topology-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """
            {"units": [{"code": "C", "name": "城", "level": "city"},
                       {"code": "C-G", "name": "网格", "level": "grid", "parent": "NOWHERE"}],
             "workers": [], "devices": []}
            """);
        try
        {
            var (exitCode, output) = await SiloProcess.RunToExit(new Dictionary<string, string> { ["Hub:Topology"] = file }, TimeSpan.FromSeconds(90));

            Assert.Equal(1, exitCode);
            Assert.Equal([Refused + $"Hub:Topology '{file}': units[1].parent: unknown unit 'NOWHERE'"], Lines(output));
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>
    /// What the hub printed, without Orleans' watchdog note: its platform thread can check before the
    /// component thread's first tick (an Orleans race at every silo start, shown when a silo lives a second).
    /// </summary>
    private static string[] Lines(string output) =>
        [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => !l.StartsWith("warn: Orleans.Runtime.Watchdog", StringComparison.Ordinal) && !l.StartsWith("Participant check thread", StringComparison.Ordinal))];
}
