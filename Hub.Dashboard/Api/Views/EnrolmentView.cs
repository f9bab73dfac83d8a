namespace Hub.Dashboard.Api.Views;

/// <summary>A one-time enrolment code for a grid worker, shown once to the officer who asked for it.</summary>
/// <param name="Worker">The worker's id.</param>
/// <param name="Name">The worker's name.</param>
/// <param name="Grid">The worker's grid, their account's scope.</param>
/// <param name="Code">Eight digits; the worker enters them once at <c>/field</c>.</param>
/// <param name="ExpiresAt">When the code stops working.</param>
public sealed record EnrolmentView(string Worker, string Name, string Grid, string Code, DateTimeOffset ExpiresAt);
