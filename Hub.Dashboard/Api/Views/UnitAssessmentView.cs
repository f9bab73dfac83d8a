using Hub.Grains.Assessment;
using Hub.Grains.Model;

namespace Hub.Dashboard.Api.Views;

/// <summary>考核评价: a month's ranking of a unit's children, with the weights that scored them.</summary>
/// <param name="Code">The unit's code.</param>
/// <param name="Name">The unit's name.</param>
/// <param name="Level">The unit's level.</param>
/// <param name="Month">The month, as <c>yyyy-MM</c>.</param>
/// <param name="Weights">How the figures become a score (<c>Hub:Assessment</c>).</param>
/// <param name="Items">Each child unit's figures, score and rank, best first.</param>
public sealed record UnitAssessmentView(
    string Code,
    string Name,
    UnitLevel Level,
    string Month,
    AssessmentOptions Weights,
    IReadOnlyList<AssessmentRow> Items);
