using System.Text.Json.Serialization;
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
    double? PatrolRate);

/// <summary>The figures of one day.</summary>
public sealed record DayStats : StatsFigures
{
    public DayStats(DateOnly day, StatsFigures figures)
        : base(figures)
    {
        Day = day;
    }

    [JsonPropertyOrder(-1)]
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

    [JsonPropertyOrder(-5)]
    public string Code { get; }

    [JsonPropertyOrder(-4)]
    public string Name { get; }

    [JsonPropertyOrder(-3)]
    public UnitLevel Level { get; }

    [JsonPropertyOrder(-2)]
    public DateOnly From { get; }

    [JsonPropertyOrder(-1)]
    public DateOnly To { get; }

    [JsonPropertyOrder(1)]
    public IReadOnlyList<DayStats> Days { get; }
}
