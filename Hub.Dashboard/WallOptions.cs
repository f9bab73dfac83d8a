namespace Hub.Dashboard;

/// <summary>How the wall tells a flood (<c>Hub:Wall</c>); the page reads these from <c>auth/me</c>.</summary>
public sealed class WallOptions : Hub.Grains.Settings.ICheckedSettings
{
    public const string Section = "Hub:Wall";

    /// <summary>Open cases of one category in one area shown as one row.</summary>
    public int FoldAt { get; set; } = 3;

    /// <summary>More cases than this arriving within <see cref="FloodMinutes"/> under the unit shown raise the flood banner.</summary>
    public int FloodCount { get; set; } = 10;

    public int FloodMinutes { get; set; } = 10;

    /// <summary>What is wrong with these settings, by key; empty when they can work.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (FoldAt is < 2 or > 1_000)
        {
            problems.Add($"{Section}:FoldAt must be 2 to 1000; it is {FoldAt}");
        }
        if (FloodCount is < 1 or > 100_000)
        {
            problems.Add($"{Section}:FloodCount must be 1 to 100000; it is {FloodCount}");
        }
        if (FloodMinutes is < 1 or > 1_440)
        {
            problems.Add($"{Section}:FloodMinutes must be 1 to 1440 (a day); it is {FloodMinutes}");
        }
        return problems;
    }
}
