namespace Hub.Dashboard.Api.Views;

/// <summary>Who is on watch at a unit at a time, and the roster's shifts from then on.</summary>
/// <param name="Code">The unit's code.</param>
/// <param name="At">The time asked about (now by default), in the hub's zone.</param>
/// <param name="OnDuty">The shifts that hold that time.</param>
/// <param name="Shifts">The shifts that end after that time.</param>
public sealed record DutyView(string Code, DateTimeOffset At, IReadOnlyList<ShiftView> OnDuty, IReadOnlyList<ShiftView> Shifts);
