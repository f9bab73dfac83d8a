using Hub.Dashboard.Access;
using Hub.Dashboard.Wire;
using Hub.Grains.Access;
using Hub.Grains.Topology;
using Microsoft.AspNetCore.Http;

namespace Hub.Dashboard.Api;

/// <summary>An admin hands out scopes (to users and keys) only inside their own.</summary>
public static class ScopeGrant
{
    /// <summary>The <c>scope</c> field: a unit of the current topology, or <c>*</c> for all of it.</summary>
    public static string? Read(JsonFields fields, TopologyIndex index, bool required = true)
    {
        var scope = fields.Text("scope", required);
        if (scope is not null && scope != Jurisdiction.Everything && index.Find(scope) is null)
        {
            fields.Error("scope", $"unknown unit '{scope}' (a unit code, or '{Jurisdiction.Everything}' for the whole topology)");
            return null;
        }
        return scope;
    }

    /// <summary>A 403 when <paramref name="scope"/> reaches beyond the admin's own scope; else null.</summary>
    public static IResult? Refusal(Caller admin, string scope, TopologyIndex index) =>
        Manages(admin, scope, index)
            ? null
            : Problems.Forbidden($"scope '{scope}' is outside the scope '{admin.Scope}' of {admin.Describe()}");

    /// <summary>Whether the admin may see and manage something held with <paramref name="scope"/>.</summary>
    public static bool Manages(Caller admin, string scope, TopologyIndex index) => Jurisdiction.Contains(admin.Scope, scope, index);
}
