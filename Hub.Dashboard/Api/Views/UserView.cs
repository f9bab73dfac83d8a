using Hub.Grains.Access;

namespace Hub.Dashboard.Api.Views;

/// <summary>A person who signs in, as an admin sees them (never their password hash).</summary>
/// <param name="User">The user name (compared without case).</param>
/// <param name="Role">What the user may do.</param>
/// <param name="Scope">The unit the user sees and acts in, or <c>*</c> for the whole topology.</param>
/// <param name="Disabled">Whether the user is disabled (cannot sign in).</param>
/// <param name="CreatedAt">When the user was created.</param>
/// <param name="CreatedBy">The admin who created the user.</param>
/// <param name="Department">The department a department's user works for; null for every other role.</param>
/// <param name="Worker">The topology's worker a grid worker's account signs in as; null for every other role.</param>
public sealed record UserView(
    string User,
    Role Role,
    string Scope,
    bool Disabled,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    string? Department,
    string? Worker = null);
