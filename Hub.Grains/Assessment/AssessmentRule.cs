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
        var figures = StatsComposer.Figures(month, Patrol.PatrolProgress.None, reworkBase);
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
            month.Reworked, rework, month.Rated, satisfaction, month.Rejected, month.YellowCards, month.RedCards, score, GradeOf(score), null)
        {
            Stages = figures.Stages,
        };
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

    public static IReadOnlyList<AssessmentRow> Rank(IEnumerable<AssessmentRow> rows) =>
        Ranking.Of(rows, r => r.Score, r => r.Code, (r, rank) => r with { Rank = rank });
}
