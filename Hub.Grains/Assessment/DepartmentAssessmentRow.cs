using Hub.Grains.Rollup;

namespace Hub.Grains.Assessment;

/// <summary>
/// One department's month (部门考核): the cases it was summoned to, its report-in (报到) and
/// handling on time, the cases' close, rework and satisfaction, its overdue parts, its score out of
/// 100 and its rank among the departments serving the same unit.
/// </summary>
public sealed record DepartmentAssessmentRow(
    string Code,
    string Name,
    string Unit,
    int Cases,
    StageFigure ReportIn,
    StageFigure Handle,
    int Closed,
    double? ClosedRate,
    int Reworked,
    double? ReworkRate,
    int Rated,
    double? Satisfaction,
    int Overdue,
    double? Score,
    string? Grade,
    int? Rank);
