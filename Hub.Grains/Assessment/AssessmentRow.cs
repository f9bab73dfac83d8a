using Hub.Grains.Model;

namespace Hub.Grains.Assessment;

/// <summary>One assessed unit's month: its figures, its score out of 100, its grade and its rank among its siblings.</summary>
public sealed record AssessmentRow(
    string Code,
    string Name,
    UnitLevel Level,
    int Cases,
    int Handled,
    int OnTimeHandled,
    double? OnTimeRate,
    int Closed,
    double? ClosedRate,
    int Reworked,
    double? ReworkRate,
    int Rated,
    double? Satisfaction,
    int Rejected,
    int YellowCards,
    int RedCards,
    double? Score,
    string? Grade,
    int? Rank)
{
    /// <summary>Each stage's on-time figures (分阶段按时率).</summary>
    public Rollup.StageFigures? Stages { get; init; }
}
