using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Hub.Dashboard.Access;
using Hub.Dashboard.Api.Bodies;
using Hub.Dashboard.Api.Views;
using Hub.Dashboard.Import;
using Hub.Dashboard.OpenApi;
using Hub.Dashboard.Wire;
using Hub.Grains.Alerts;
using Hub.Grains.History;
using Hub.Grains.Time;
using Hub.Grains.Topology;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Hub.Dashboard.Api;

/// <summary>
/// 历史导入: an old platform's finished cases and patrol visits, with their own times. The upload
/// is read record by record and checked whole — every problem named by line, nothing kept if
/// any — then written in one transaction, with its progress readable while it runs.
/// </summary>
public static class ImportEndpoints
{
    public const int MaxRecords = 5_000_000;
    public const int MaxErrorsShown = 100;
    private const long MaxUploadBytes = 4L * 1024 * 1024 * 1024;
    private const string Tag = "Import";
    private const string Ndjson = "application/x-ndjson";

    private const string Upload =
        "A JSON array of records (application/json) or one record per line (application/x-ndjson), read as it arrives: " +
        "up to 5,000,000 records and 4 GiB. With ?wait=true the answer waits for the write: 200, or 503 if the store failed; " +
        "without it, 202 and the import to follow at its Location.";

    public static RouteGroupBuilder MapImport(this RouteGroupBuilder api)
    {
        api.MapPost("/import/cases", (HttpContext http, Caller caller, ImportContext context) => Import(ImportKind.Cases, http, caller, context)).Allow(Permission.Administer)
            .WithSummary("Import an old platform's cases, checked whole, then written whole").WithTags(Tag)
            .Takes<ImportedCase[]>(Upload, Ndjson, ApiDescription.Json)
            .Answers<ImportJobView>(202).Answers<ImportJobView>().Refuses(413, 415, 422, 503);
        api.MapPost("/import/patrols", (HttpContext http, Caller caller, ImportContext context) => Import(ImportKind.Patrols, http, caller, context)).Allow(Permission.Administer)
            .WithSummary("Import an old platform's patrol visits, checked whole, then written whole").WithTags(Tag)
            .Takes<ImportedVisit[]>(Upload, Ndjson, ApiDescription.Json)
            .Answers<ImportJobView>(202).Answers<ImportJobView>().Refuses(413, 415, 422, 503);
        api.MapGet("/import/{job}", (string job, ImportJobs jobs) => jobs.Find(job) is { } found ? Results.Ok(View(found)) : Problems.NotFound($"unknown import '{job}'"))
            .Allow(Permission.Administer)
            .WithSummary("An import's progress, or how it ended").WithTags(Tag)
            .Answers<ImportJobView>().Refuses(404);
        return api;
    }

    private static async Task<IResult> Import(ImportKind kind, HttpContext http, Caller caller, ImportContext context)
    {
        var contentType = http.Request.ContentType;
        if (!ImportFile.IsNdjson(contentType) && !ImportFile.IsJson(contentType))
        {
            return Problems.Of(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                "send a JSON array (application/json) or one record per line (application/x-ndjson)");
        }
        if (JsonBody.Limit(http.Request, MaxUploadBytes) is { } tooLarge) // a year of a district's visits is large; it is streamed
        {
            return tooLarge;
        }
        var cancel = http.RequestAborted;
        var file = Path.Combine(Path.GetTempPath(), $"hub-import-{Guid.NewGuid():N}.ndjson");
        var (records, errors, problems) = (0, new List<string>(), 0);
        var seen = new Dictionary<ulong, int>();
        var index = context.Topology.Current;
        var now = context.Clock.Now;
        try
        {
            await using (var kept = new StreamWriter(file, append: false, new UTF8Encoding(false)))
            {
                await foreach (var item in ImportFile.Read(http.Request.Body, ImportFile.IsNdjson(contentType), cancel))
                {
                    if (++records > MaxRecords)
                    {
                        Note($"more than {MaxRecords} records: split the file");
                        break;
                    }
                    if (item.Record is not { } element)
                    {
                        Note($"line {item.Line}: {item.Problem}");
                        continue;
                    }
                    var found = new List<string>();
                    var (key, path) = Check(kind, new JsonFields(element, $"line {item.Line}", found), index, context, now);
                    if (path is not null && !caller.Covers(path))
                    {
                        found.Add($"line {item.Line}.unit: outside the scope '{caller.Scope}' of {caller.Describe()}");
                    }
                    if (key is not null && found.Count == 0 && Fingerprint(key) is var print && !seen.TryAdd(print, item.Line))
                    {
                        found.Add($"line {item.Line}: the same {(kind == ImportKind.Cases ? "case (center, sourceId)" : "visit (worker, id)")} as line {seen[print]}");
                    }
                    foreach (var problem in found)
                    {
                        Note(problem);
                    }
                    if (found.Count == 0)
                    {
                        await kept.WriteLineAsync(element.GetRawText().AsMemory(), cancel);
                    }
                }
            }
            if (problems > 0 || records == 0)
            {
                File.Delete(file);
                return problems == 0
                    ? Problems.Of(StatusCodes.Status422UnprocessableEntity, "Unprocessable entity", "the file holds no records")
                    : Problems.Of(StatusCodes.Status422UnprocessableEntity, "Unprocessable entity",
                        $"{problems} problem(s) in {records} record(s); nothing was imported" + (problems > errors.Count ? $" (the first {errors.Count} shown)" : ""),
                        errors);
            }
        }
        catch
        {
            File.Delete(file);
            throw;
        }

        var job = context.Jobs.Start(
            kind == ImportKind.Cases ? "cases" : "patrols",
            records,
            (progress, stop) => kind == ImportKind.Cases
                ? context.History.ImportCases(ReadBack(file, index, context, CaseOf, stop), progress, stop)
                : context.History.ImportPatrols(ReadBack(file, index, context, VisitOf, stop), progress, stop),
            () => File.Delete(file));
        if (http.Request.Query["wait"] == "true")
        {
            await job.Finished.WaitAsync(cancel);
            return job.State == ImportState.Done
                ? Results.Ok(View(job))
                : Problems.Of(StatusCodes.Status503ServiceUnavailable, "Service unavailable", job.Error, extra: View(job));
        }
        return Results.Accepted($"/api/v1/import/{job.Id}", View(job));

        void Note(string problem)
        {
            problems++;
            if (errors.Count < MaxErrorsShown)
            {
                errors.Add(problem);
            }
        }
    }

    /// <summary>Checks one record; answers the key it must be unique by and the path of its unit, or nulls with the problems noted.</summary>
    private static (string? Key, IReadOnlyList<string>? Path) Check(ImportKind kind, JsonFields f, TopologyIndex index, ImportContext context, DateTimeOffset now)
    {
        if (kind == ImportKind.Cases)
        {
            return CaseImport.Read(f, index, context.Limits, now) is { } c ? (c.Id, c.Path) : (null, null);
        }
        return PatrolImport.Read(f, index, context.Clock.DayOf, now) is { } v ? (v.Id, v.Path) : (null, null);
    }

    private static AlertSummary? CaseOf(JsonElement e, TopologyIndex index, ImportContext context) =>
        CaseImport.Read(new JsonFields(e, "", []), index, context.Limits, context.Clock.Now);

    private static CheckinRecord? VisitOf(JsonElement e, TopologyIndex index, ImportContext context) =>
        PatrolImport.Read(new JsonFields(e, "", []), index, context.Clock.DayOf, context.Clock.Now);

    /// <summary>The checked records again, from the file kept of them, as the store takes them.</summary>
    private static async IAsyncEnumerable<T> ReadBack<T>(
        string file, TopologyIndex index, ImportContext context, Func<JsonElement, TopologyIndex, ImportContext, T?> read,
        [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : class
    {
        using var reader = new StreamReader(file);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            using var document = JsonDocument.Parse(line);
            if (read(document.RootElement, index, context) is { } record)
            {
                yield return record;
            }
        }
    }

    private static ulong Fingerprint(string key) => BitConverter.ToUInt64(SHA256.HashData(Encoding.UTF8.GetBytes(key)), 0);

    private static ImportJobView View(ImportJob job) => new(
        Job: job.Id,
        Kind: job.Kind,
        State: job.State.ToString().ToLowerInvariant(),
        Records: job.Records,
        Written: job.Written,
        Imported: job.Imported,
        AlreadyThere: job.AlreadyThere,
        StartedAt: job.StartedAt,
        FinishedAt: job.FinishedAt,
        Error: job.Error);

    private enum ImportKind
    {
        Cases,
        Patrols,
    }
}

/// <summary>What an import reads and writes through, as one parameter.</summary>
public sealed record ImportContext(TopologyCatalog Topology, CaseLimits Limits, HubClock Clock, ImportJobs Jobs, IHistoryImport History);
