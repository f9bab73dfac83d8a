using Hub.Grains.History;
using Hub.Grains.Rollup;
using Hub.Grains.Topology;

namespace Hub.Grains.Assessment;

/// <summary>
/// 考核评价: a month's figures of each unit, its score out of 100 by <see cref="AssessmentOptions"/>,
/// its grade (A ≥ 90, B ≥ 75, C ≥ 60, D ≥ 40, E below), and its rank among its siblings. A unit with
/// no case that month has no score and no rank: nothing to assess.
/// </summary>
public static class AssessmentRule
{
    /// <param name="reworkBase">The denominator of 返工率, as <c>/stats</c> counts it (<c>Hub:Cases:ReworkRateOf</c>).</param>
    public static AssessmentRow Row(UnitNode unit, DayHistory month, AssessmentOptions weights, ReworkBase reworkBase = ReworkBase.Handled)
    {
        var figures = StatsComposer.Figures(month, 0, reworkBase);
        var (onTime, closed, rework, satisfaction) = (figures.OnTimeRate, figures.ClosedRate, figures.ReworkRate, figures.Satisfaction);
        double? score = null;
        if (month.Raised > 0)
        {
            var points = (weights.OnTimeWeight * (onTime ?? 0))
                + (weights.ClosedWeight * (closed ?? 0))
                + (weights.ReworkWeight * (1 - (rework ?? 0)))
                + (weights.SatisfactionWeight * ((satisfaction ?? 5) / 5))
                - (weights.YellowCardPenalty * month.YellowCards)
                - (weights.RedCardPenalty * month.RedCards);
            score = Math.Round(Math.Clamp(points, 0, 100), 2);
        }
        return new AssessmentRow(unit.Code, unit.Name, unit.Level, month.Raised, month.Handled, month.OnTimeHandled, onTime, month.Closed, closed,
            month.Reworked, rework, month.Rated, satisfaction, month.Rejected, month.YellowCards, month.RedCards, score, GradeOf(score), null);
    }

    public static string? GradeOf(double? score) => score switch
    {
        null => null,
        >= 90 => "A",
        >= 75 => "B",
        >= 60 => "C",
        >= 40 => "D",
        _ => "E",
    };

    /// <summary>Ranks by score, highest first; equal scores share a rank (1, 2, 2, 4); unscored units last, unranked.</summary>
    public static IReadOnlyList<AssessmentRow> Rank(IEnumerable<AssessmentRow> rows)
    {
        var ordered = rows.OrderByDescending(r => r.Score ?? double.MinValue).ThenBy(r => r.Code, StringComparer.Ordinal).ToArray();
        var ranked = new AssessmentRow[ordered.Length];
        for (var i = 0; i < ordered.Length; i++)
        {
            var rank = ordered[i].Score is null ? (int?)null
                : i > 0 && ordered[i].Score == ordered[i - 1].Score ? ranked[i - 1].Rank : i + 1;
            ranked[i] = ordered[i] with { Rank = rank };
        }
        return ranked;
    }
}
