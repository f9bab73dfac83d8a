using Hub.Grains.Assessment;

namespace Hub.Dashboard.Api.Views;

/// <summary>部门考核: a department's month and its rank among the departments serving the same unit.</summary>
/// <param name="Code">The department's code.</param>
/// <param name="Name">The department's name.</param>
/// <param name="Unit">The unit the department serves.</param>
/// <param name="Month">The month, as <c>yyyy-MM</c>.</param>
/// <param name="Weights">How the figures become a score (<c>Hub:Assessment</c>).</param>
/// <param name="Department">The department's own row.</param>
/// <param name="Among">How many departments serve the unit (the ranking's length).</param>
/// <param name="Items">The ranking, best first: every department's row, or for a department's user their own alone.</param>
public sealed record DepartmentAssessmentView(
    string Code,
    string Name,
    string Unit,
    string Month,
    AssessmentOptions Weights,
    DepartmentAssessmentRow Department,
    int Among,
    IReadOnlyList<DepartmentAssessmentRow> Items);
