namespace Hub.Grains.Assessment;

/// <summary>
/// <c>Hub:Assessment</c>: how a month's figures become a score out of 100 (考核评价). The defaults
/// follow the district shape places publish (DOMAIN.md): 按期 first, then 结案, then few reworks,
/// with satisfaction, and points off for each supervision card.
/// </summary>
public sealed class AssessmentOptions : Settings.ICheckedSettings
{
    public const string Section = "Hub:Assessment";

    /// <summary>Points for 按期处置率 (on-time handled over cases).</summary>
    public double OnTimeWeight { get; set; } = 50;

    /// <summary>Points for 结案率.</summary>
    public double ClosedWeight { get; set; } = 30;

    /// <summary>Points for 1 − 返工率.</summary>
    public double ReworkWeight { get; set; } = 10;

    /// <summary>Points for satisfaction (the mean score over 5); full points when nothing was rated.</summary>
    public double SatisfactionWeight { get; set; } = 10;

    /// <summary>Points off for each 黄牌 and each 红牌.</summary>
    public double YellowCardPenalty { get; set; } = 0.5;

    public double RedCardPenalty { get; set; } = 1;

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        Settings.SettingsRange.Check(problems, $"{Section}:OnTimeWeight", OnTimeWeight, 0, 100, "points");
        Settings.SettingsRange.Check(problems, $"{Section}:ClosedWeight", ClosedWeight, 0, 100, "points");
        Settings.SettingsRange.Check(problems, $"{Section}:ReworkWeight", ReworkWeight, 0, 100, "points");
        Settings.SettingsRange.Check(problems, $"{Section}:SatisfactionWeight", SatisfactionWeight, 0, 100, "points");
        Settings.SettingsRange.Check(problems, $"{Section}:YellowCardPenalty", YellowCardPenalty, 0, 100, "points");
        Settings.SettingsRange.Check(problems, $"{Section}:RedCardPenalty", RedCardPenalty, 0, 100, "points");
        if (problems.Count == 0 && OnTimeWeight + ClosedWeight + ReworkWeight + SatisfactionWeight <= 0)
        {
            problems.Add($"{Section}: the four weights add up to 0; a score needs at least one of them above 0");
        }
        return problems;
    }
}
