using Hub.Grains.Assessment;
using Hub.Grains.History;
using Hub.Grains.Model;
using Hub.Grains.Topology;

namespace Hub.Tests.Unit;

public class AssessmentRuleTests
{
    private static readonly AssessmentOptions Weights = new();
    private static readonly DateOnly Month = new(2026, 11, 1);

    private static UnitNode Unit(string code) => new(code, code, UnitLevel.Street, "D1", [], ["D1", code]);

    private static DayHistory Month_(int raised, int handled, int onTime, int closed, int reworked = 0, int rated = 0, long ratingSum = 0, int yellow = 0, int red = 0) =>
        new(Month, raised, handled, onTime, closed, 0, 0, 0) { Reworked = reworked, Rated = rated, RatingSum = ratingSum, YellowCards = yellow, RedCards = red };

    [Fact]
    public void The_score_weighs_on_time_closing_few_reworks_and_satisfaction_less_the_cards()
    {
        // 50 × 0.5 + 30 × 0.5 + 10 × (1 − 1/1) + 10 × 2/5 = 44; a yellow and a red card take 1.5 more.
        var row = AssessmentRule.Row(Unit("S2"), Month_(2, 1, 1, 1, reworked: 1, rated: 1, ratingSum: 2, yellow: 1, red: 1), Weights);
        Assert.Equal((0.5, 0.5, 1.0, 2.0), (row.OnTimeRate!.Value, row.ClosedRate!.Value, row.ReworkRate!.Value, row.Satisfaction!.Value));
        Assert.Equal(42.5, row.Score);
        Assert.Equal("D", row.Grade);
        // Nothing rated counts as satisfied: no complaint is no complaint.
        Assert.Equal(100, AssessmentRule.Row(Unit("S1"), Month_(3, 3, 3, 3), Weights).Score);
    }

    [Fact]
    public void Cards_never_take_a_score_below_zero_and_a_month_without_cases_is_not_assessed()
    {
        Assert.Equal(0, AssessmentRule.Row(Unit("S3"), Month_(1, 0, 0, 0, red: 500), Weights).Score);
        var idle = AssessmentRule.Row(Unit("S4"), Month_(0, 0, 0, 0), Weights);
        Assert.Equal((null, null, null), (idle.Score, idle.Grade, idle.OnTimeRate));
    }

    [Theory]
    [InlineData(100, "A")]
    [InlineData(90, "A")]
    [InlineData(89.99, "B")]
    [InlineData(75, "B")]
    [InlineData(74.99, "C")]
    [InlineData(60, "C")]
    [InlineData(59.99, "D")]
    [InlineData(40, "D")]
    [InlineData(39.99, "E")]
    [InlineData(0, "E")]
    public void Grades_at_ninety_seventy_five_sixty_and_forty(double score, string grade) => Assert.Equal(grade, AssessmentRule.GradeOf(score));

    [Fact]
    public void Equal_scores_share_a_rank_and_units_without_cases_come_last_unranked()
    {
        AssessmentRow Row(string code, double? score) => AssessmentRule.Row(Unit(code), Month_(0, 0, 0, 0), Weights) with { Score = score };
        var ranked = AssessmentRule.Rank([Row("C", 80), Row("A", 95), Row("E", null), Row("B", 80), Row("D", 60)]);
        Assert.Equal([("A", 1), ("B", 2), ("C", 2), ("D", 4), ("E", (int?)null)], ranked.Select(r => (r.Code, r.Rank)));
    }
}
