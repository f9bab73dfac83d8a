using Hub.Grains.Duty;

namespace Hub.Dashboard.Api.Views;

/// <summary>One shift of a unit's duty roster (值班表), its times in the hub's zone.</summary>
/// <param name="User">Who is on watch.</param>
/// <param name="Post">The post they hold: duty officer (值班员) or leader in charge (带班领导).</param>
/// <param name="From">When the shift starts.</param>
/// <param name="To">When it ends (not included).</param>
public sealed record ShiftView(string User, DutyPost Post, DateTimeOffset From, DateTimeOffset To);
