using Hub.Dashboard.Access;
using Hub.Grains.Settings;

namespace Hub.Silo.Hosting;

/// <summary>The <c>Hub</c> settings only the executable reads (API.md §2).</summary>
public sealed class SiloOptions
{
    /// <summary><c>memory</c> or <c>postgres</c>.</summary>
    public string Storage { get; set; } = "memory";

    /// <summary>Path of a topology JSON file loaded at start; the built-in demo city when absent.</summary>
    public string? Topology { get; set; }

    /// <summary>
    /// Run the demo city, its feed and its users. Unset, it is on only for the newcomer's plain
    /// start: memory storage and no topology file. A durable hub runs a demo only when told to.
    /// </summary>
    public bool? Demo { get; set; }

    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;

    public string ClusterId { get; set; } = "hub";

    public const string Loopback = "127.0.0.1";

    /// <summary>The host name or address other silos reach this one at (a container's name under compose).</summary>
    public string AdvertisedHost { get; set; } = Loopback;

    public bool DemoEnabled => Demo ?? (Storage == "memory" && Topology is null);

    /// <summary>
    /// In a demo cluster, whether this silo runs the simulated feed and opens the demo users (with
    /// new passwords, printed). One silo of a cluster does; the others say <c>false</c> and leave
    /// both alone. Defaults to <see cref="DemoEnabled"/>.
    /// </summary>
    public bool? DemoFeed { get; set; }

    public bool DemoFeedEnabled => DemoEnabled && (DemoFeed ?? true);

    /// <summary>A demo asked for on durable storage: its made-up city and feed go into real tables.</summary>
    public bool DemoOnDurableStorage => DemoEnabled && Storage != "memory";

    public BootstrapOptions Bootstrap { get; set; } = new();

    /// <summary>
    /// Running as pods of a Kubernetes Deployment (<c>deploy/kubernetes</c>): silos are named after
    /// their pods, and a deleted pod's silo is declared dead at once instead of after missed probes.
    /// </summary>
    public bool Kubernetes { get; set; }

    public MetricsOptions Metrics { get; set; } = new();

    /// <summary>
    /// The Orleans dashboard at <c>/dashboard</c>. Its call filter sits on every grain call, even
    /// while nobody looks (no-op calls 10–15 % slower, check-ins within noise: bench/RESULTS.md).
    /// </summary>
    public bool Dashboard { get; set; } = true;

    public OtlpOptions Otlp { get; set; } = new();

    public static readonly IReadOnlyList<string> Storages = ["memory", "postgres"];

    /// <summary>What is wrong with these settings, one line per problem; <paramref name="connectionString"/> is <c>ConnectionStrings:Hub</c>.</summary>
    public IReadOnlyList<string> Problems(string? connectionString)
    {
        var problems = new List<string>();
        if (!Storages.Contains(Storage))
        {
            problems.Add($"Hub:Storage must be {string.Join(" or ", Storages)}; it is '{Storage}'");
        }
        else if (Storage == "postgres")
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                problems.Add("ConnectionStrings:Hub is required with Hub:Storage postgres (an Npgsql connection string: Host=…;Username=…;Password=…;Database=…)");
            }
            else if (ConnectionStringProblem(connectionString) is { } problem)
            {
                problems.Add($"ConnectionStrings:Hub is not an Npgsql connection string: {problem}");
            }
        }
        SettingsRange.Check(problems, "Hub:SiloPort", SiloPort, 1, 65_535);
        SettingsRange.Check(problems, "Hub:GatewayPort", GatewayPort, 1, 65_535);
        if (SiloPort == GatewayPort)
        {
            problems.Add($"Hub:SiloPort and Hub:GatewayPort must differ; both are {SiloPort}");
        }
        if (string.IsNullOrWhiteSpace(ClusterId))
        {
            problems.Add("Hub:ClusterId must not be empty");
        }
        if (string.IsNullOrWhiteSpace(AdvertisedHost))
        {
            problems.Add("Hub:AdvertisedHost must not be empty (the host name or address other silos reach this one at)");
        }
        if (Kubernetes && Storage != "postgres")
        {
            problems.Add("Hub:Kubernetes needs Hub:Storage postgres (silos in pods share their membership through PostgreSQL)");
        }
        if (Metrics.Port is { } metricsPort)
        {
            SettingsRange.Check(problems, "Hub:Metrics:Port", metricsPort, 1, 65_535);
            if (metricsPort == SiloPort || metricsPort == GatewayPort)
            {
                problems.Add($"Hub:Metrics:Port must differ from Hub:SiloPort and Hub:GatewayPort; it is {metricsPort}");
            }
        }
        if (Otlp.Endpoint is { Length: > 0 } endpoint && !(Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            problems.Add($"Hub:Otlp:Endpoint must be an http:// or https:// address of an OpenTelemetry collector (such as http://otel-collector:4317); it is '{endpoint}'");
        }
        if (Topology is { } path && !File.Exists(path))
        {
            problems.Add($"Hub:Topology names a file that does not exist: '{path}'");
        }
        if (Bootstrap.AdminPassword is { Length: > 0 } password && Passwords.Problem(password) is { } weak)
        {
            problems.Add($"Hub:Bootstrap:AdminPassword: {weak}");
        }
        return problems;
    }

    private static string? ConnectionStringProblem(string connectionString)
    {
        try
        {
            _ = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
            return null;
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
    }
}

/// <summary><c>Hub:Metrics</c>: where Prometheus scrapes <c>/metrics</c>.</summary>
public sealed class MetricsOptions
{
    /// <summary>
    /// A port of its own for <c>/metrics</c>, without sign-in, for a scraper inside the cluster (it
    /// serves nothing else). Unset: <c>/metrics</c> is on the main port, to an admin's token.
    /// </summary>
    public int? Port { get; set; }
}

/// <summary><c>Hub:Otlp</c>: an OpenTelemetry collector to send metrics and traces to as well.</summary>
public sealed class OtlpOptions
{
    /// <summary>The collector's OTLP/gRPC address (<c>http://otel-collector:4317</c>); unset, nothing is sent.</summary>
    public string? Endpoint { get; set; }
}

/// <summary><c>Hub:Bootstrap</c>: what a fresh install needs to let its first person in.</summary>
public sealed class BootstrapOptions
{
    /// <summary>The password of user <c>admin</c>, created when no admin exists. No default: unset, no admin is made.</summary>
    public string? AdminPassword { get; set; }
}
