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
}

/// <summary><c>Hub:Bootstrap</c>: what a fresh install needs to let its first person in.</summary>
public sealed class BootstrapOptions
{
    /// <summary>The password of user <c>admin</c>, created when no admin exists. No default: unset, no admin is made.</summary>
    public string? AdminPassword { get; set; }
}
