using Hub.Grains.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Dashboard.Ingest;

/// <summary>
/// Counts each refused ingest batch by why (<c>hub_batches_refused_total</c>), from the answer the
/// endpoint gives, so no refusal path can be left uncounted. It is also the endpoint's metadata:
/// the rate limiter refuses before any filter runs, and counts through it (<see cref="RateLimited"/>).
/// Accepted items are counted where they are applied, which knows the new from the duplicates.
/// </summary>
public sealed class IngestMeter(string kind) : IEndpointFilter
{
    /// <summary>What the endpoint takes in: <c>checkins</c> or <c>alerts</c>.</summary>
    public string Kind { get; } = kind;

    /// <summary>Adds the meter to an ingest endpoint, as its filter and as its metadata.</summary>
    public static TBuilder On<TBuilder>(TBuilder endpoint, string kind)
        where TBuilder : IEndpointConventionBuilder
    {
        var meter = new IngestMeter(kind);
        return endpoint.AddEndpointFilter(meter).WithMetadata(meter);
    }

    /// <summary>Counts a batch the rate limiter refused, when the request was for an ingest endpoint.</summary>
    public static void RateLimited(HttpContext http)
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<IngestMeter>() is { } meter)
        {
            http.RequestServices.GetRequiredService<HubMetrics>().BatchRefused(meter.Kind, Reason(StatusCodes.Status429TooManyRequests));
        }
    }

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var metrics = context.HttpContext.RequestServices.GetRequiredService<HubMetrics>();
        try
        {
            var result = await next(context);
            if (result is IStatusCodeHttpResult { StatusCode: >= 400 and var status })
            {
                metrics.BatchRefused(Kind, Reason(status));
            }
            return result;
        }
        catch (Exception e) when (Api.UnavailableHandler.IsUnavailable(e))
        {
            metrics.BatchRefused(Kind, "unavailable");
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
