using Hub.Grains.Assessment;

namespace Hub.Dashboard.Api;

/// <summary>The assessment as the table a leader files: one line per unit, columns in Chinese.</summary>
public static class AssessmentTable
{
    public const string Sheet = "考核排名";

    public const string DepartmentSheet = "部门考核排名";

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
        ["受理按时率"] = r.Stages?.Accept.OnTimeRate,
        ["派遣按时率"] = r.Stages?.Dispatch.OnTimeRate,
        ["报到按时率"] = r.Stages?.ReportIn.OnTimeRate,
        ["处置按时率"] = r.Stages?.Handle.OnTimeRate,
        ["核查按时率"] = r.Stages?.Verify.OnTimeRate,
    };

    public static Dictionary<string, object?> Line(DepartmentAssessmentRow r) => new()
    {
        ["排名"] = r.Rank,
        ["部门编码"] = r.Code,
        ["部门"] = r.Name,
        ["得分"] = r.Score,
        ["等级"] = r.Grade,
        ["派单数"] = r.Cases,
        ["报到数"] = r.ReportIn.Ended,
        ["报到按时率"] = r.ReportIn.OnTimeRate,
        ["办结数"] = r.Handle.Ended,
        ["处置按时率"] = r.Handle.OnTimeRate,
        ["结案率"] = r.ClosedRate,
        ["返工率"] = r.ReworkRate,
        ["满意度"] = r.Satisfaction,
        ["超时"] = r.Overdue,
    };
}
