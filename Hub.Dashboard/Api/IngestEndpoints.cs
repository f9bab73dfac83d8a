using System.Text.Json;
using Hub.Grains.Ingest;
using Hub.Grains.Time;
using Hub.Grains.Topology;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Hub.Dashboard.Api;

/// <summary>API.md §4: batches of check-ins and alerts, validated whole and applied one call per grid.</summary>
public static class IngestEndpoints
{
    public static RouteGroupBuilder MapIngest(this RouteGroupBuilder api)
    {
        api.MapPost("/checkins", Checkins);
        api.MapPost("/alerts", Alerts);
        return api;
    }

    private static Task<IResult> Checkins(HttpRequest request, TopologyCatalog topology, HubClock clock, IngestDispatcher ingest) =>
        Ingest(request, IngestLimits.MaxCheckins, "check-ins",
            batch => CheckinReader.Read(batch, topology.Current, clock.Now),
            async items =>
            {
                var result = await ingest.ApplyCheckins(items);
                return new { result.Accepted, result.Duplicates };
            });

    private static Task<IResult> Alerts(HttpRequest request, TopologyCatalog topology, HubClock clock, IngestDispatcher ingest) =>
        Ingest(request, IngestLimits.MaxAlerts, "alerts",
            batch => AlertReader.Read(batch, topology.Current, clock.Now),
            async items => new { Results = await ingest.RaiseAlerts(items) });

    /// <summary>Reads, validates whole, and only then applies a batch; 202 with what applying it answered.</summary>
    private static async Task<IResult> Ingest<T>(
        HttpRequest request, int maxItems, string what, Func<JsonElement, BatchRead<T>> read, Func<IReadOnlyList<T>, Task<object>> apply)
    {
        var (batch, problem) = await ReadBatch(request, maxItems, what);
        if (batch is null)
        {
            return problem!;
        }
        using (batch)
        {
            var items = read(batch.RootElement);
            return items.IsValid
                ? Results.Accepted(value: await apply(items.Items))
                : Problems.InvalidBatch(items.Errors, batch.RootElement.GetArrayLength());
        }
    }

    private static async Task<(JsonDocument? Batch, IResult? Problem)> ReadBatch(HttpRequest request, int maxItems, string what)
    {
        var (body, problem) = await JsonBody.Read(request, IngestLimits.MaxBodyBytes);
        if (body is null)
        {
            return (null, problem);
        }
        if (body.RootElement.ValueKind != JsonValueKind.Array)
        {
            body.Dispose();
            return (null, Problems.BadRequest($"the body must be a JSON array of {what}"));
        }
        var count = body.RootElement.GetArrayLength();
        if (count > maxItems)
        {
            body.Dispose();
            return (null, Problems.TooLarge($"{count} {what} in one batch; the limit is {maxItems}"));
        }
        return (body, null);
    }
}
