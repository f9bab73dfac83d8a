namespace Hub.Dashboard.Access;

/// <summary>The <c>Hub:Auth</c> settings: how long sessions last, lockout, and rate limits.</summary>
public sealed class AccessOptions
{
    public const string Section = "Hub:Auth";

    /// <summary>Lifetime of an officer's, leader's or admin's session (a shift and some).</summary>
    public double SessionHours { get; set; } = 12;

    /// <summary>
    /// Lifetime of a viewer's session. It slides: used in the second half of its life, it starts a
    /// whole one again, so a wall-screen kiosk in use stays signed in and an unused token still ends.
    /// </summary>
    public double ViewerSessionDays { get; set; } = 30;

    /// <summary>However much it is used, a viewer's session ends this many days after sign-in.</summary>
    public double ViewerSessionMaxDays { get; set; } = 90;

    public TimeSpan ViewerSessionLimit => TimeSpan.FromDays(ViewerSessionMaxDays);

    /// <summary>Failed sign-ins in a row that lock an account.</summary>
    public int MaxFailedSignIns { get; set; } = 5;

    public double LockoutMinutes { get; set; } = 5;

    /// <summary>Sign-in attempts per minute from one client address.</summary>
    public int SignInsPerMinute { get; set; } = 60;

    /// <summary>Requests per second one center key may make, on average.</summary>
    public int KeyRequestsPerSecond { get; set; } = 20;

    /// <summary>Requests one center key may make at once before the average applies.</summary>
    public int KeyBurst { get; set; } = 60;

    /// <summary>Whether sessions of this role slide (see <see cref="ViewerSessionDays"/>); others end when their shift would.</summary>
    public static bool Slides(Hub.Grains.Access.Role role) => role == Hub.Grains.Access.Role.Viewer;

    public TimeSpan SessionLifetime(Hub.Grains.Access.Role role) =>
        role == Hub.Grains.Access.Role.Viewer ? TimeSpan.FromDays(ViewerSessionDays) : TimeSpan.FromHours(SessionHours);
}
