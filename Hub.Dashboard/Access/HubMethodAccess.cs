using System.Reflection;
using Microsoft.AspNetCore.SignalR;

namespace Hub.Dashboard.Access;

/// <summary>
/// The role check of every hub method, from its <see cref="AllowAttribute"/>; a method without one
/// is refused. Scope checks are the method's own, as for HTTP endpoints.
/// </summary>
public sealed class HubMethodAccess : IHubFilter
{
    public ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var name = invocationContext.HubMethodName;
        if (invocationContext.HubMethod.GetCustomAttribute<AllowAttribute>() is not { } rule)
        {
            throw new HubException($"forbidden: '{name}' has no access rule");
        }
        var caller = Caller.Of(invocationContext.Context.User ?? new System.Security.Claims.ClaimsPrincipal());
        if (!caller.Can(rule.Permission))
        {
            throw new HubException($"forbidden: {caller.Describe()} may not call '{name}': it needs {AccessPolicies.Needs(rule.Permission)}");
        }
        return next(invocationContext);
    }
}
