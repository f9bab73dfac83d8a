namespace Hub.Dashboard.Api.Views;

/// <summary>A functional department that serves a unit.</summary>
/// <param name="Code">The department's code.</param>
/// <param name="Name">The department's name.</param>
public sealed record UnitDepartment(string Code, string Name);
