using Hub.Grains.Model;
using Hub.Grains.Topology;

namespace Hub.Grains.Rollup;

/// <summary>处置 figures (应处置数, 处置数, 处置率, 按期处置率, 结案率) and patrol figures of a span of days.</summary>
public record StatsFigures(
    int Raised,
    int Handled,
    double? HandlingRate,
    int OnTimeHandled,
    double? OnTimeRate,
    int Closed,
    double? ClosedRate,
    int Checkins,
    int Patrols,
    int PatrolTargets,
    int Patrolled,
    double? PatrolRate)
{
    /// <summary>不予立案: reports that were not cases; in no other figure.</summary>
    public int Rejected { get; init; }

    /// <summary>Cases sent back at least once after a failed 核查 (返工).</summary>
    public int Reworked { get; init; }

    /// <summary>返工率: <see cref="Reworked"/> over <c>Hub:Cases:ReworkRateOf</c> (handled by default).</summary>
    public double? ReworkRate { get; init; }

    public int Rated { get; init; }

    /// <summary>满意度: the mean score (1–5) of the rated cases, to two places; null when none was rated.</summary>
    public double? Satisfaction { get; init; }

    /// <summary>Each stage's on-time figures (分阶段按时率).</summary>
    public StageFigures Stages { get; init; } = StageFigures.Of(null);
}

/// <summary>The figures of one day.</summary>
public sealed record DayStats : StatsFigures
{
    public DayStats(DateOnly day, StatsFigures figures)
        : base(figures)
    {
        Day = day;
    }

    public DateOnly Day { get; }
}

/// <summary>The answer of <c>/stats</c>: totals over the range, and <see cref="Days"/> with the same figures for each day.</summary>
public sealed record UnitStats : StatsFigures
{
    public UnitStats(UnitNode node, DateOnly from, DateOnly to, StatsFigures total, IReadOnlyList<DayStats> days)
        : base(total)
    {
        (Code, Name, Level, From, To, Days) = (node.Code, node.Name, node.Level, from, to, days);
    }

    public string Code { get; }

    public string Name { get; }

    public UnitLevel Level { get; }

    public DateOnly From { get; }

    public DateOnly To { get; }

    public IReadOnlyList<DayStats> Days { get; }
}
