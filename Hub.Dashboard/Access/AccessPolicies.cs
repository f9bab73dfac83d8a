using System.Threading.RateLimiting;
using Hub.Dashboard.Api;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;

namespace Hub.Dashboard.Access;

/// <summary>One authorization policy per <see cref="Permission"/>, and the rate limits on keys and sign-in.</summary>
public static class AccessPolicies
{
    public const string SignInLimit = "sign-in";

    public static string NameOf(Permission permission) => $"hub:{permission}";

    /// <summary>Who has a permission, for a refusal's text.</summary>
    public static string Needs(Permission permission) => permission switch
    {
        Permission.Anyone => "nothing",
        Permission.SignedIn => "a signed-in user",
        Permission.ReadCases => "a signed-in user other than a grid worker",
        Permission.Read => "role viewer, officer, leader or admin",
        Permission.Field => "role worker",
        Permission.Stats => "role leader or admin",
        Permission.Supervise => "role leader or admin",
        Permission.DepartmentStats => "role leader, admin or department",
        Permission.Act => "role officer or admin",
        Permission.WorkCases => "role officer, admin or department",
        Permission.Ingest => "a center's API key or role admin",
        Permission.Operate => "role admin with scope *",
        _ => "role admin",
    };

    public static void Add(AuthorizationOptions options)
    {
        foreach (var permission in Enum.GetValues<Permission>())
        {
            options.AddPolicy(NameOf(permission), policy => policy
                .AddAuthenticationSchemes(HubClaims.Scheme)
                .RequireAuthenticatedUser()
                .RequireAssertion(context => Caller.Of(context.User).Can(permission)));
        }
        // An endpoint that declares nothing is not open: it needs at least a signed-in caller.
        options.FallbackPolicy = new AuthorizationPolicyBuilder(HubClaims.Scheme).RequireAuthenticatedUser().Build();
    }

    /// <summary>
    /// Each center key has its own token buckets — one for its alerts, one for everything else, so
    /// that a key busy with check-ins still gets its alerts through; sign-in attempts are limited
    /// per client address.
    /// </summary>
    public static void Limit(RateLimiterOptions options, AccessOptions access)
    {
        options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            Caller.Of(http.User) is { KeyId: { } keyId }
                ? RateLimitPartition.GetTokenBucketLimiter(IsAlertIngest(http.Request) ? keyId + ":alerts" : keyId, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = access.KeyBurst,
                    TokensPerPeriod = access.KeyRequestsPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                })
                : RateLimitPartition.GetNoLimiter(""));
        options.AddPolicy(SignInLimit, http => RateLimitPartition.GetFixedWindowLimiter(
            http.Connection.RemoteIpAddress?.ToString() ?? "",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = access.SignInsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        options.OnRejected = async (context, cancel) =>
        {
            var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 1;
            context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Ingest.IngestMeter.RateLimited(context.HttpContext);
            await Problems.Of(StatusCodes.Status429TooManyRequests, "Too many requests", $"too many requests from this caller; try again in {seconds} s")
                .ExecuteAsync(context.HttpContext);
        };
    }

    private static bool IsAlertIngest(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.Path.Equals("/api/v1/alerts", StringComparison.OrdinalIgnoreCase);
}
