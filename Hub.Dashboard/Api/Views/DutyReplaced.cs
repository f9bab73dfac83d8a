namespace Hub.Dashboard.Api.Views;

/// <summary>A unit's duty roster replaced: how many shifts it now holds.</summary>
/// <param name="Code">The unit's code.</param>
/// <param name="Shifts">How many shifts the roster holds.</param>
public sealed record DutyReplaced(string Code, int Shifts);
