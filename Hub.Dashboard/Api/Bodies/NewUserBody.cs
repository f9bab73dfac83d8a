using Hub.Grains.Access;

namespace Hub.Dashboard.Api.Bodies;

/// <summary>A person who is to sign in, made by an admin inside their own scope.</summary>
public sealed record NewUserBody
{
    /// <summary>Required; the user name, a code (1–64 of A-Z a-z 0-9 _ . -), unique without case.</summary>
    public required string User { get; init; }

    /// <summary>Required; the password, 12 to 128 characters.</summary>
    public required string Password { get; init; }

    /// <summary>Required; what the user may do.</summary>
    public required Role Role { get; init; }

    /// <summary>
    /// The unit the user sees and acts in (a unit code of the topology, or <c>*</c> for all of it), inside the
    /// admin's own scope. Required, except for a department's user (by default the unit their department serves) and a
    /// grid worker (by default their grid; else their grid or micro-grid only).
    /// </summary>
    public string? Scope { get; init; }

    /// <summary>Required for role <c>department</c> (a department code of the topology), and for no other role.</summary>
    public string? Department { get; init; }

    /// <summary>Required for role <c>worker</c> (a worker id of the topology), and for no other role.</summary>
    public string? Worker { get; init; }
}
