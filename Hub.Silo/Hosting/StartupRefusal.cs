namespace Hub.Silo.Hosting;

/// <summary>
/// A refusal found once the silo runs (a <c>Hub:Topology</c> file is read only after the stored
/// topology says whether it changed): the hub is stopped in order, and the problems are printed
/// when it has stopped, instead of an exception tearing Orleans down mid-start.
/// </summary>
public sealed class StartupRefusal(IHostApplicationLifetime lifetime)
{
    public SettingsRefusedException? Refused { get; private set; }

    public void Refuse(IReadOnlyList<string> problems)
    {
        Refused = new SettingsRefusedException(problems);
        // Stopping now would cancel the start of what comes after (Kestrel fails its bind with a
        // trace); once started, the stop is an orderly one.
        lifetime.ApplicationStarted.Register(lifetime.StopApplication);
    }
}
