using Hub.Grains.Access;

namespace Hub.Dashboard.Api.Views;

/// <summary>A new session: its bearer token (also set as the page's HttpOnly cookie) and who it is for.</summary>
/// <param name="Token">The bearer token; shown this once.</param>
/// <param name="ExpiresAt">When the session ends.</param>
/// <param name="User">The user name.</param>
/// <param name="Role">The user's role.</param>
/// <param name="Scope">The unit the user sees and acts in, or <c>*</c> for the whole topology.</param>
/// <param name="ScopeName">The scope unit's name; null for <c>*</c>.</param>
/// <param name="Department">The department a department's user works for; null for every other role.</param>
/// <param name="DepartmentName">That department's name.</param>
/// <param name="Worker">The topology's worker a grid worker signs in as; null for every other role.</param>
/// <param name="WorkerName">That worker's name.</param>
/// <param name="Wall">How the wall folds floods.</param>
public sealed record SignedInView(
    string Token,
    DateTimeOffset ExpiresAt,
    string User,
    Role Role,
    string Scope,
    string? ScopeName,
    string? Department,
    string? DepartmentName,
    WallView Wall,
    string? Worker = null,
    string? WorkerName = null);
