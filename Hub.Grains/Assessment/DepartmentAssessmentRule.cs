using Hub.Grains.Alerts;
using Hub.Grains.Model;
using Hub.Grains.Rollup;
using Hub.Grains.Topology;

namespace Hub.Grains.Assessment;

/// <summary>
/// 部门考核: a department is assessed on the whistle and on its report-in. From the month's cases it
/// was summoned to (rejected ones apart), each with its part as it last stands:
/// <list type="bullet">
/// <item>报到按时: the part reported in before its deadline; 处置按时: the part finished within the case's handling limit;</item>
/// <item>结案率, 返工率 (over the handled cases) and 满意度 of those cases;</item>
/// <item>overdue: parts that reported in or finished late, or are still waiting past their limit at <c>now</c>.</item>
/// </list>
/// The score uses the units' weights (<see cref="AssessmentOptions"/>): the on-time weight over the
/// mean of the two on-time rates, the close, rework and satisfaction weights as for units, and the
/// yellow-card penalty for each overdue part.
/// </summary>
public static class DepartmentAssessmentRule
{
    public static DepartmentAssessmentRow Row(DepartmentSpec department, IEnumerable<AlertSummary> cases, DateTimeOffset now, AssessmentOptions weights)
    {
        var mine = cases
            .Where(c => c.State != AlertState.Rejected)
            .Select(c => (Case: c, Part: c.Parts?.FirstOrDefault(p => p.Department == department.Code)))
            .Where(x => x.Part is not null)
            .Select(x => (x.Case, Part: x.Part!))
            .ToArray();
        var reported = mine.Where(x => x.Part.ReportedAt is not null).ToArray();
        var reportedOnTime = reported.Count(x => x.Part.Deadline is not { } due || x.Part.ReportedAt < due);
        var done = mine.Where(x => x.Part.DoneAt is not null).ToArray();
        var doneOnTime = done.Count(x => x.Case.HandleDeadline is not { } due || x.Part.DoneAt <= due);
        var overdue = mine.Count(x => Late(x.Case, x.Part, now));
        var handled = mine.Count(x => x.Case.State.IsHandled());
        var closed = mine.Count(x => x.Case.State == AlertState.Closed);
        var reworked = mine.Count(x => x.Case.Reworks > 0 && x.Case.State.Counts());
        var rated = mine.Where(x => x.Case.Rating is not null).ToArray();
        var reportIn = StageFigure.Of(reported.Length, reportedOnTime);
        var handle = StageFigure.Of(done.Length, doneOnTime);
        var (closedRate, reworkRate) = (Rate.Of(closed, mine.Length), Rate.Of(reworked, handled));
        double? satisfaction = rated.Length == 0 ? null : Math.Round(rated.Average(x => (double)x.Case.Rating!.Value), 2);
        double? score = null;
        if (mine.Length > 0)
        {
            var onTime = ((reportIn.OnTimeRate ?? 0) + (handle.OnTimeRate ?? 0)) / 2;
            var points = (weights.OnTimeWeight * onTime)
                + (weights.ClosedWeight * (closedRate ?? 0))
                + (weights.ReworkWeight * (1 - (reworkRate ?? 0)))
                + (weights.SatisfactionWeight * ((satisfaction ?? 5) / 5))
                - (weights.YellowCardPenalty * overdue);
            score = Math.Round(Math.Clamp(points, 0, 100), 2);
        }
        return new DepartmentAssessmentRow(department.Code, department.Name, department.Unit, mine.Length, reportIn, handle,
            closed, closedRate, reworked, reworkRate, rated.Length, satisfaction, overdue, score, AssessmentRule.GradeOf(score), null);
    }

    public static IReadOnlyList<DepartmentAssessmentRow> Rank(IEnumerable<DepartmentAssessmentRow> rows) =>
        Ranking.Of(rows, r => r.Score, r => r.Code, (r, rank) => r with { Rank = rank });

    /// <summary>Whether the part ran past a limit: reported in late, finished late, or still not there or not done after the limit ran out.</summary>
    private static bool Late(AlertSummary c, DepartmentPart part, DateTimeOffset now) =>
        (part.Deadline is { } due && (part.ReportedAt ?? now) >= due)
        || (c.HandleDeadline is { } handleBy && (part.DoneAt ?? now) > handleBy && (part.DoneAt is not null || c.State.IsActive()));
}
