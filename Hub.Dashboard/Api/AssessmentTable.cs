using Hub.Grains.Assessment;

namespace Hub.Dashboard.Api;

/// <summary>The assessment as the table a leader files: one line per unit, columns in Chinese.</summary>
public static class AssessmentTable
{
    public const string Sheet = "考核排名";

    public static Dictionary<string, object?> Line(AssessmentRow r) => new()
    {
        ["排名"] = r.Rank,
        ["单位编码"] = r.Code,
        ["单位"] = r.Name,
        ["得分"] = r.Score,
        ["等级"] = r.Grade,
        ["应处置数"] = r.Cases,
        ["处置数"] = r.Handled,
        ["按期处置率"] = r.OnTimeRate,
        ["结案数"] = r.Closed,
        ["结案率"] = r.ClosedRate,
        ["返工率"] = r.ReworkRate,
        ["满意度"] = r.Satisfaction,
        ["不予立案"] = r.Rejected,
        ["黄牌"] = r.YellowCards,
        ["红牌"] = r.RedCards,
    };
}
