using System.Net;
using Hub.Grains.Access;
using Hub.Grains.Settings;

namespace Hub.Dashboard.Access;

/// <summary>The <c>Hub:Auth</c> settings: how long sessions last, lockout, and rate limits.</summary>
public sealed class AccessOptions : ICheckedSettings
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

    /// <summary>Failed sign-ins in a row, for one account from one client address, before that address must wait.</summary>
    public int MaxFailedSignIns { get; set; } = 5;

    /// <summary>The first wait; it doubles with each further failure from the same address.</summary>
    public double LockoutMinutes { get; set; } = 5;

    /// <summary>The longest wait one address can earn.</summary>
    public double MaxLockoutMinutes { get; set; } = 60;

    public LockoutPolicy Lockout => new(MaxFailedSignIns, TimeSpan.FromMinutes(LockoutMinutes), TimeSpan.FromMinutes(Math.Max(LockoutMinutes, MaxLockoutMinutes)));

    /// <summary>
    /// Addresses of reverse proxies whose <c>X-Forwarded-For</c> is believed. From anyone else the
    /// header is ignored, so a client cannot pick the address its failures are counted against.
    /// </summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Sign-in attempts per minute from one client address.</summary>
    public int SignInsPerMinute { get; set; } = 60;

    /// <summary>Requests per second one center key may make, on average.</summary>
    public int KeyRequestsPerSecond { get; set; } = 20;

    /// <summary>Requests one center key may make at once before the average applies.</summary>
    public int KeyBurst { get; set; } = 60;

    /// <summary>Whether sessions of this role slide (see <see cref="ViewerSessionDays"/>); others end when their shift would.</summary>
    /// <summary>A wall's kiosk, and a grid worker's own phone that may be offline for hours with work queued: both stay signed in while used.</summary>
    public static bool Slides(Role role) => role is Role.Viewer or Role.Worker;

    public TimeSpan SessionLifetime(Role role) =>
        Slides(role) ? TimeSpan.FromDays(ViewerSessionDays) : TimeSpan.FromHours(SessionHours);

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        SettingsRange.Positive(problems, $"{Section}:SessionHours", SessionHours, 24 * 31, "hours");
        SettingsRange.Positive(problems, $"{Section}:ViewerSessionDays", ViewerSessionDays, 366, "days");
        SettingsRange.Positive(problems, $"{Section}:ViewerSessionMaxDays", ViewerSessionMaxDays, 366, "days");
        if (ViewerSessionMaxDays < ViewerSessionDays)
        {
            problems.Add($"{Section}:ViewerSessionMaxDays must be at least ViewerSessionDays ({ViewerSessionDays}); it is {ViewerSessionMaxDays}");
        }
        SettingsRange.Check(problems, $"{Section}:MaxFailedSignIns", MaxFailedSignIns, 1, 100);
        SettingsRange.Positive(problems, $"{Section}:LockoutMinutes", LockoutMinutes, 1_440, "minutes");
        SettingsRange.Positive(problems, $"{Section}:MaxLockoutMinutes", MaxLockoutMinutes, 10_080, "minutes");
        foreach (var proxy in KnownProxies.Where(p => !IPAddress.TryParse(p, out _)))
        {
            problems.Add($"{Section}:KnownProxies: '{proxy}' is not an IP address (a proxy is named by its address, such as 10.0.0.5)");
        }
        SettingsRange.Check(problems, $"{Section}:SignInsPerMinute", SignInsPerMinute, 1, 100_000);
        SettingsRange.Check(problems, $"{Section}:KeyRequestsPerSecond", KeyRequestsPerSecond, 1, 10_000_000);
        SettingsRange.Check(problems, $"{Section}:KeyBurst", KeyBurst, 1, 10_000_000);
        return problems;
    }
}
