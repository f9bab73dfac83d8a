using System.Security.Claims;
using Hub.Grains.Access;
using Hub.Grains.Model;

namespace Hub.Dashboard.Access;

/// <summary>The claims a hub principal carries, and the two kinds of principal there are.</summary>
public static class HubClaims
{
    public const string Scheme = "hub";
    public const string Scope = "hub:scope";
    public const string KeyId = "hub:key";

    /// <summary>The department a department's user works for.</summary>
    public const string Department = "hub:department";

    /// <summary>The topology's worker a grid worker's account signs in as.</summary>
    public const string Worker = "hub:worker";

    /// <summary>The stored key of the session (a digest of its token), so signing out can end it.</summary>
    public const string Session = "hub:session";

    public static ClaimsPrincipal Person(UserAccount account, string sessionKey) => Principal(
        [
            new Claim(ClaimTypes.Name, account.Name),
            new Claim(ClaimTypes.Role, WireName.Of(account.Role)),
            new Claim(Scope, account.Scope),
            new Claim(Session, sessionKey),
            .. account.Department is { } department ? [new Claim(Department, department)] : Array.Empty<Claim>(),
            .. account.Worker is { } worker ? [new Claim(Worker, worker)] : Array.Empty<Claim>(),
        ]);

    public static ClaimsPrincipal Center(ApiKey key) => Principal(
        new Claim(ClaimTypes.Name, key.Center),
        new Claim(Scope, key.Scope),
        new Claim(KeyId, key.Id));

    private static ClaimsPrincipal Principal(params Claim[] claims) =>
        new(new ClaimsIdentity(claims, Scheme, ClaimTypes.Name, ClaimTypes.Role));
}
