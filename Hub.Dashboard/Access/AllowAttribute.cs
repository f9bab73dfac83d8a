using Microsoft.AspNetCore.Builder;

namespace Hub.Dashboard.Access;

/// <summary>
/// The access rule of one endpoint or hub method. Declared next to the route, so a route and its
/// rule are read together; a route or hub method without one is refused (fail closed) and fails
/// the authorization table test.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class AllowAttribute(Permission permission) : Attribute
{
    public Permission Permission { get; } = permission;
}

public static class AllowExtensions
{
    /// <summary>Declares who may call this endpoint; the role check runs before the handler, scope checks in it.</summary>
    public static TBuilder Allow<TBuilder>(this TBuilder builder, Permission permission) where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(new AllowAttribute(permission));
        return permission == Permission.Anyone
            ? builder.AllowAnonymous()
            : builder.RequireAuthorization(AccessPolicies.NameOf(permission));
    }
}
