using Hub.Grains.Telemetry;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Dashboard.Ingest;

/// <summary>
/// Counts each refused ingest batch by why (<c>hub_batches_refused_total</c>), from the answer the
/// endpoint gives, so no refusal path can be left uncounted. Accepted items are counted where they
/// are applied, which knows the new from the duplicates.
/// </summary>
public sealed class IngestMeter(string kind) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var metrics = context.HttpContext.RequestServices.GetRequiredService<HubMetrics>();
        try
        {
            var result = await next(context);
            if (result is IStatusCodeHttpResult { StatusCode: >= 400 and var status })
            {
                metrics.BatchRefused(kind, Reason(status));
            }
            return result;
        }
        catch (Exception e) when (Api.UnavailableHandler.IsUnavailable(e))
        {
            metrics.BatchRefused(kind, "unavailable");
            throw;
        }
    }

    public static string Reason(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "malformed",
        StatusCodes.Status403Forbidden => "forbidden",
        StatusCodes.Status413PayloadTooLarge => "too_large",
        StatusCodes.Status415UnsupportedMediaType => "malformed",
        StatusCodes.Status422UnprocessableEntity => "invalid",
        StatusCodes.Status429TooManyRequests => "rate_limited",
        StatusCodes.Status503ServiceUnavailable => "busy",
        _ => "other",
    };
}
