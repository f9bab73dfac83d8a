using Hub.Grains.Settings;

namespace Hub.Silo.Storage;

/// <summary><c>Hub:Photos</c>: where the field's case photos are kept, and for how long.</summary>
public sealed class PhotoOptions : ICheckedSettings
{
    public const string Section = "Hub:Photos";

    /// <summary>A folder for the photos (shared by every silo); unset: PostgreSQL with that storage, else memory.</summary>
    public string? Directory { get; set; }

    /// <summary>
    /// Days a photo is kept after the hub stored it. Photos show people and homes: the city sets how long
    /// they may be kept; by default as long as the history of the case they belong to.
    /// </summary>
    public int RetentionDays { get; set; } = 400;

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        SettingsRange.Check(problems, $"{Section}:RetentionDays", RetentionDays, 1, 36_600, "days");
        return problems;
    }
}
