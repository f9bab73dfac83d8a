using System.Text.Json;
using Hub.Dashboard.Access;
using Hub.Grains.Ingest;
using Hub.Grains.Model;
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
        api.MapPost("/checkins", Checkins).Allow(Permission.Ingest);
        api.MapPost("/alerts", Alerts).Allow(Permission.Ingest);
        return api;
    }

    private static Task<IResult> Checkins(HttpRequest request, Caller caller, TopologyCatalog topology, HubClock clock, IngestDispatcher ingest) =>
        Ingest(request, caller, IngestLimits.MaxCheckins, "check-ins",
            batch => ReadIn(topology.Current, index => ScopedRead<CheckinReport>.Of(caller, index, CheckinReader.Read(batch, index, clock.Now), c => [("unit", c.Unit)])),
            async items =>
            {
                var result = await ingest.ApplyCheckins(items);
                return new { result.Accepted, result.Duplicates };
            });

    private static Task<IResult> Alerts(HttpRequest request, Caller caller, TopologyCatalog topology, HubClock clock, IngestDispatcher ingest) =>
        Ingest(request, caller, IngestLimits.MaxAlerts, "alerts",
            batch => ReadIn(topology.Current, index => ScopedRead<AlertReport>.Of(caller, index, AlertReader.Read(batch, index, clock.Now), a => PlacesOf(a, index))),
            async items => new { Results = await ingest.RaiseAlerts(items) });

    /// <summary>Reads, validates whole, and only then applies a batch; 202 with what applying it answered.</summary>
    private static async Task<IResult> Ingest<T>(
        HttpRequest request, Caller caller, int maxItems, string what, Func<JsonElement, ScopedRead<T>> read, Func<IReadOnlyList<T>, Task<object>> apply)
    {
        var (batch, problem) = await ReadBatch(request, maxItems, what);
        if (batch is null)
        {
            return problem!;
        }
        using (batch)
        {
            var (items, outside) = read(batch.RootElement);
            if (!items.IsValid)
            {
                return Problems.InvalidBatch(items.Errors, batch.RootElement.GetArrayLength());
            }
            return outside.Count == 0
                ? Results.Accepted(value: await apply(items.Items))
                : Problems.Of(StatusCodes.Status403Forbidden, "Forbidden",
                    $"{outside.Count} item(s) outside the scope '{caller.Scope}' of {caller.Describe()}; nothing was applied", outside);
        }
    }

    /// <summary>
    /// Where an alert touches the city: its unit, and its device's unit — a report naming a device
    /// outside the scope could otherwise merge into an alert there.
    /// </summary>
    private static IEnumerable<(string Field, string Unit)> PlacesOf(AlertReport alert, TopologyIndex index)
    {
        yield return ("unit", alert.Unit);
        if (alert.Device is { } id && index.Device(id) is { } device)
        {
            yield return ("device", device.Unit);
        }
    }

    /// <summary>Reads against one snapshot of the topology, so validation and the scope check agree.</summary>
    private static ScopedRead<T> ReadIn<T>(TopologyIndex index, Func<TopologyIndex, ScopedRead<T>> read) => read(index);

    /// <summary>A valid batch and the items of it that lie outside the caller's scope, by index.</summary>
    private sealed record ScopedRead<T>(BatchRead<T> Items, IReadOnlyList<string> Outside)
    {
        public static ScopedRead<T> Of(Caller caller, TopologyIndex index, BatchRead<T> read, Func<T, IEnumerable<(string Field, string Unit)>> placesOf) =>
            new(read, read.IsValid
                ? read.Items.SelectMany((item, i) => placesOf(item)
                        .Where(place => !caller.Covers(index, place.Unit))
                        .Select(place => $"[{i}].{place.Field}: '{place.Unit}' is outside the scope"))
                    .ToArray()
                : []);
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
