using System.Reflection;
using System.Security.Claims;
using Hub.Grains.Access;
using Hub.Grains.Alerts;
using Hub.Grains.Model;
using Hub.Grains.Topology;
using Microsoft.AspNetCore.Http;

namespace Hub.Dashboard.Access;

/// <summary>
/// Who is calling, as the authentication handler established it: a person with a role, or a
/// center's key; either with a scope. <see cref="Name"/> is what the audit trail records: the user,
/// or the center that owns the key. Endpoints take it as a parameter.
/// </summary>
public sealed record Caller(string Name, Role? Role, string Scope, string? KeyId, string? Department = null, string? Worker = null)
{
    public static readonly Caller Nobody = new("", null, "", null);

    /// <summary>A department's user: sees and works only their department's cases.</summary>
    public bool IsDepartment => Role == Grains.Access.Role.Department;

    /// <summary>A grid worker: works only through the field page's endpoints, as their own worker.</summary>
    public bool IsWorker => Role == Grains.Access.Role.Worker;

    public bool IsCenter => KeyId is not null;

    public bool IsPerson => Role is not null;

    /// <summary>Who this caller is as the sender of alerts: a key's center, or a person.</summary>
    public Sender Sender => IsCenter ? Sender.Center(Name, KeyId!) : Sender.Person(Name);

    public bool Can(Permission permission) => permission switch
    {
        Permission.Anyone => true,
        Permission.SignedIn => IsPerson,
        Permission.ReadCases => IsPerson && !IsWorker,
        Permission.Read => IsPerson && !IsDepartment && !IsWorker,
        Permission.Field => IsWorker,
        Permission.Stats => Role is Grains.Access.Role.Leader or Grains.Access.Role.Admin,
        Permission.Supervise => Role is Grains.Access.Role.Leader or Grains.Access.Role.Admin,
        Permission.DepartmentStats => Role is Grains.Access.Role.Leader or Grains.Access.Role.Admin or Grains.Access.Role.Department,
        Permission.Act => Role is Grains.Access.Role.Officer or Grains.Access.Role.Admin,
        Permission.WorkCases => Role is Grains.Access.Role.Officer or Grains.Access.Role.Admin or Grains.Access.Role.Department,
        Permission.Ingest => IsCenter || Role is Grains.Access.Role.Admin,
        Permission.Administer => Role is Grains.Access.Role.Admin,
        // What these show spans every unit (and the dashboard reads any grain's state): scope * only.
        Permission.Operate => Role is Grains.Access.Role.Admin && Scope == Grains.Access.Jurisdiction.Everything,
        _ => false,
    };

    public bool Covers(TopologyIndex index, string code) => Jurisdiction.Covers(Scope, index, code);

    public bool Covers(IReadOnlyList<string> path) => Jurisdiction.Covers(Scope, path);

    /// <summary>The refusal's text for a unit outside the scope, the same over HTTP and the hub.</summary>
    public string OutsideScope(string code) => $"unit '{code}' is outside the scope '{Scope}' of {Describe()}";

    /// <summary>Who this is, for a refusal's text: "viewer 'li'" or "center 'ZZ-01'".</summary>
    public string Describe() => IsCenter ? $"center '{Name}'" : $"{WireName.Of(Role!.Value)} '{Name}'";

    public static Caller Of(ClaimsPrincipal user)
    {
        if (user.Identity is not { IsAuthenticated: true } identity)
        {
            return Nobody;
        }
        Role? role = WireName.TryParse<Role>(user.FindFirstValue(ClaimTypes.Role), out var r) ? r : null;
        return new Caller(identity.Name ?? "", role, user.FindFirstValue(HubClaims.Scope) ?? "", user.FindFirstValue(HubClaims.KeyId), user.FindFirstValue(HubClaims.Department),
            user.FindFirstValue(HubClaims.Worker));
    }

    /// <summary>Lets minimal-API handlers take a <see cref="Caller"/> parameter.</summary>
    public static ValueTask<Caller?> BindAsync(HttpContext context, ParameterInfo parameter) => ValueTask.FromResult<Caller?>(Of(context.User));
}
