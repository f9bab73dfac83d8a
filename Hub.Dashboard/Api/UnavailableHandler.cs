using System.Data.Common;
using System.Net.Sockets;
using Hub.Grains.Storage;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Hub.Dashboard.Api;

/// <summary>
/// Storage that cannot take a change, or a silo that died under a call, is answered with 503 and
/// Retry-After — never a false 2xx, and never a 500 that would make a center give up.
/// </summary>
public sealed class UnavailableHandler : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsUnavailable(exception))
        {
            return false;
        }
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await Problems.Of(
            StatusCodes.Status503ServiceUnavailable,
            "Service unavailable",
            "storage or a silo is unavailable; nothing was acknowledged, try again shortly").ExecuteAsync(httpContext);
        return true;
    }

    public static bool IsUnavailable(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is StorageUnavailableException or DbException or SocketException or TimeoutException
                or SiloUnavailableException or OrleansMessageRejectionException)
            {
                return true;
            }
        }
        return false;
    }
}
