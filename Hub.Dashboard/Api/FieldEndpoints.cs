using System.Text.Json;
using Hub.Dashboard.Access;
using Hub.Dashboard.Api.Bodies;
using Hub.Dashboard.Api.Views;
using Hub.Dashboard.Ingest;
using Hub.Dashboard.OpenApi;
using Hub.Dashboard.Wire;
using Hub.Grains.Alerts;
using Hub.Grains.Field;
using Hub.Grains.Geography;
using Hub.Grains.History;
using Hub.Grains.Ingest;
using Hub.Grains.Model;
using Hub.Grains.Telemetry;
using Hub.Grains.Time;
using Hub.Grains.Topology;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Hub.Dashboard.Api;

/// <summary>
/// The grid worker's own work from the field page (<c>/field</c>): the day's places and 核查 list,
/// shifts and patrols, reports with photos, verifications. Every item carries an id made on the
/// phone, so what waited offline and is sent twice counts once.
/// </summary>
public static class FieldEndpoints
{
    /// <summary>A day offline at a patrol every few minutes; more is sent in several requests.</summary>
    public const int MaxCheckins = 500;

    /// <summary>Three photos at their limit, base64, and the text.</summary>
    public const int MaxReportBytes = 9 * 1024 * 1024;

    public const int MaxVerifyBytes = 3 * 1024 * 1024;

    /// <summary>The <c>source</c> of every case a worker reports: the id is theirs, the sender the worker.</summary>
    public const string Source = "field";

    private const string Tag = "Field";

    public static RouteGroupBuilder MapField(this RouteGroupBuilder api)
    {
        api.MapGet("/field/me", Me).Allow(Permission.Field)
            .WithSummary("The signed-in grid worker's day: their grid, its places to patrol, the cases waiting for their 核查").WithTags(Tag)
            .Answers<FieldView>().Refuses(403);
        api.MapPost("/field/checkins", Checkins).Allow(Permission.Field)
            .WithSummary("The worker's own check-ins: shift start and end, patrols (at most 500, applied whole or not at all)").WithTags(Tag)
            .Takes<FieldCheckinItem[]>("A JSON array of the worker's check-ins, each with the id the phone gave it.")
            .Answers<CheckinBatchResult>(202).Refuses(400, 403, 413, 422);
        api.MapPost("/field/reports", Report).Allow(Permission.Field)
            .WithSummary("Report an event in the worker's grid, with up to three photos: a case, made once per id").WithTags(Tag)
            .Takes<FieldReportBody>().Answers<FieldReportResult>(202).Refuses(400, 403, 413, 422);
        api.MapPost("/field/verifications", Verify).Allow(Permission.Field)
            .WithSummary("核查: the worker checks a fix in their grid, passed or not, with a note and a photo").WithTags(Tag)
            .Takes<FieldVerifyBody>().Answers<AlertView>().Refuses(400, 403, 404, 409, 413, 422);
        api.MapGet("/alerts/{id}/photos", Photos).Allow(Permission.ReadCases)
            .WithSummary("The photos of a case: those reported with it and those of its 核查").WithTags("Cases")
            .Answers<CasePhotoList>().Refuses(404);
        api.MapGet("/alerts/{id}/photos/{number}", Photo).Allow(Permission.ReadCases)
            .WithSummary("One photo of a case, as the image it is").WithTags("Cases")
            .AnswersFile("image/jpeg", "image/png", "image/webp").Refuses(404);
        return api;
    }

    private static async Task<IResult> Me(Caller caller, TopologyCatalog topology, IAlertJournal journal, MapShapes shapes, HttpContext http)
    {
        var index = topology.Current;
        if (WorkerOf(caller, index) is not { } worker)
        {
            return NoWorker(caller);
        }
        var grid = index.Find(worker.Grid)!;
        var places = Below(index, grid)
            .Select(u => new FieldPlace(u.Code, u.Name, u.Level, u.Parent!, shapes.ShapeOf(index, u.Code) is NetTopologySuite.Geometries.Point p ? [p.X, p.Y] : null))
            .ToArray();
        var resolved = await journal.Find(new AlertQuery(grid.Code, AlertState.Resolved, false, null, AlertQuery.MaxLimit), http.RequestAborted);
        var toVerify = resolved.OrderBy(a => a.HandledAt ?? a.ChangedAt)
            .Select(a => new FieldCase(a.Id, a.Title ?? a.Category, a.Category, a.Severity, a.Unit, PlaceIn(index, grid.Code, a.Unit), a.At, a.HandledAt))
            .ToArray();
        return Results.Ok(new FieldView(worker.Id, worker.Name, worker.Role, grid.Code, grid.Name, worker.Microgrid, places, toVerify, PatrolPlace.MaxMetres));
    }

    private static async Task<IResult> Checkins(HttpRequest request, Caller caller, TopologyCatalog topology, HubClock clock, IngestDispatcher ingest, HubMetrics metrics)
    {
        var index = topology.Current;
        if (WorkerOf(caller, index) is not { } worker)
        {
            return NoWorker(caller);
        }
        var (batch, problem) = await JsonBody.ReadArray(request, IngestLimits.MaxBodyBytes, MaxCheckins, "check-ins");
        if (batch is null)
        {
            return problem!;
        }
        using (batch)
        {
            // The worker is the one signed in, never the body's; shifts and patrols are the worker's
            // whole grid's, whatever micro-grid they look after.
            var read = CheckinReader.Read(batch.RootElement, index, clock.Now, worker.Grid, self: worker.Id);
            if (!read.IsInScope)
            {
                return Problems.Of(StatusCodes.Status403Forbidden, "Forbidden",
                    $"{read.Outside.Count} field(s) name another worker or a place outside the grid '{worker.Grid}' of worker '{worker.Id}'; nothing was applied", read.Outside);
            }
            if (!read.IsValid)
            {
                return Problems.InvalidBatch(read.Errors, batch.RootElement.GetArrayLength());
            }
            var result = await ingest.ApplyCheckins(IngestDispatcher.ByGrid(read.Items, index));
            metrics.CheckinsAccepted(result.Accepted, result.Duplicates);
            return Results.Accepted(value: new CheckinBatchResult(result.Accepted, result.Duplicates));
        }
    }

    private static async Task<IResult> Report(
        HttpRequest request, Caller caller, TopologyCatalog topology, HubClock clock, IngestDispatcher ingest, ICasePhotos photos, HubMetrics metrics)
    {
        var index = topology.Current;
        if (WorkerOf(caller, index) is not { } worker)
        {
            return NoWorker(caller);
        }
        var (body, problem) = await JsonBody.Read(request, MaxReportBytes);
        if (body is null)
        {
            return problem!;
        }
        using (body)
        {
            if (body.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Problems.BadRequest("the body must be a JSON object: the report");
            }
            var (images, errors) = ReadPhotos(body.RootElement, "photos", PhotoRules.MaxPerReport);
            var fence = new ScopeFence(worker.Grid, index);
            var report = AlertReader.ReadOne(new JsonFields(body.RootElement, "", errors), fence, index, clock.Now, caller.Sender, Source);
            if (fence.Outside.Count > 0)
            {
                return Problems.Forbidden($"unit: outside the grid '{worker.Grid}' of worker '{worker.Id}'; nothing was applied");
            }
            if (errors.Count > 0 || report is null)
            {
                return Problems.Invalid(errors);
            }
            var raised = (await ingest.RaiseAlerts([report], index))[0];
            metrics.AlertAccepted(report.Severity, WireName.Of(raised.Outcome));
            // A resend finds the case and the photos it stored; a first send whose photos were not
            // stored (storage away) stores them now.
            await photos.Add(raised.AlertId, report.SourceId, PhotoKind.Report, images, caller.Name, clock.Now, request.HttpContext.RequestAborted);
            return Results.Accepted(value: new FieldReportResult(raised.AlertId, WireName.Of(raised.Outcome), images.Count));
        }
    }

    private static async Task<IResult> Verify(HttpRequest request, Caller caller, TopologyCatalog topology, HubClock clock, IGrainFactory grains, ICasePhotos photos, AlertViews views)
    {
        var index = topology.Current;
        if (WorkerOf(caller, index) is not { } worker)
        {
            return NoWorker(caller);
        }
        List<CasePhoto> images = [];
        var (check, problem) = await JsonBody.ReadObject(request, MaxVerifyBytes, fields =>
        {
            var id = fields.Text("id", maxLength: IngestLimits.MaxIdLength);
            var alert = fields.Code("alert");
            var passed = fields.Bool("passed");
            var note = fields.Text("note", required: false, maxLength: ActionBody.MaxNoteLength, multiline: true);
            if (fields.Text("photo", required: false, maxLength: MaxVerifyBytes) is { } photo)
            {
                var (image, why) = PhotoRules.Read(photo);
                if (image is null)
                {
                    fields.Error("photo", why!);
                }
                else
                {
                    images.Add(image);
                }
            }
            return (Id: id!, Alert: alert!, Passed: passed ?? false, Note: note);
        });
        if (problem is not null)
        {
            return problem;
        }
        var grain = grains.GetGrain<IAlertGrain>(check.Alert);
        // The worker's grid bounds what they may check, whatever micro-grid they look after.
        var result = await grain.Act(new AlertCommand(AlertAction.Verify, caller.Name, check.Note, null, worker.Grid, check.Passed));
        var done = result.Outcome == ActionOutcome.Done
            // Sent before and answered, or the answer lost: the case moved on by this worker's 核查.
            || (result.Outcome == ActionOutcome.Conflict && result.Alert is { } moved && moved.LastBy == caller.Name
                && moved.State is AlertState.Verified or AlertState.Dispatched or AlertState.Closed);
        if (!done)
        {
            return result.Outcome switch
            {
                ActionOutcome.Invalid => Problems.Invalid([result.Problem!]),
                ActionOutcome.Conflict => Problems.Of(StatusCodes.Status409Conflict, "Conflict",
                    $"alert '{check.Alert}' is {WireName.Of(result.Alert!.State)}, not waiting for 核查 (by {result.Alert.LastBy} at {result.Alert.ChangedAt:O})"),
                _ => Problems.NotFound($"unknown alert '{check.Alert}'"),
            };
        }
        if (images.Count > 0)
        {
            await photos.Add(check.Alert, check.Id, PhotoKind.Verify, images, caller.Name, clock.Now, request.HttpContext.RequestAborted);
        }
        // A resend answered by the state it finds carries no trail; the first answer does.
        var audit = result.Audit ?? (await grain.Read()).Audit;
        return Results.Ok(views.From(result.Alert!, audit));
    }

    private static async Task<IResult> Photos(string id, Caller caller, IGrainFactory grains, ICasePhotos photos, HttpContext http)
    {
        if (!await Visible(id, caller, grains))
        {
            return Problems.NotFound($"unknown alert '{id}'");
        }
        var list = await photos.List(id, http.RequestAborted);
        return Results.Ok(new CasePhotoList([.. list.Select(p => new CasePhotoView(p.Number, WireName.Of(p.Kind), p.ContentType, p.Length, p.At, p.By))]));
    }

    private static async Task<IResult> Photo(string id, int number, Caller caller, IGrainFactory grains, ICasePhotos photos, HttpContext http)
    {
        if (!await Visible(id, caller, grains))
        {
            return Problems.NotFound($"unknown alert '{id}'");
        }
        return await photos.Read(id, number, http.RequestAborted) is { } photo
            ? Results.File(photo.Bytes, photo.Info.ContentType)
            : Problems.NotFound($"alert '{id}' has no photo {number}");
    }

    /// <summary>Whether the caller may see the case (as <c>GET /alerts/{id}</c> decides); an unseen one is unknown to them.</summary>
    private static async Task<bool> Visible(string id, Caller caller, IGrainFactory grains) =>
        (await grains.GetGrain<IAlertGrain>(id).Read()).Alert is { } alert
        && caller.Covers(alert.Path) && (!caller.IsDepartment || CaseParts.Has(alert.Parts, caller.Department!));

    private static (List<CasePhoto> Photos, List<string> Errors) ReadPhotos(JsonElement report, string field, int max)
    {
        var (photos, errors) = (new List<CasePhoto>(), new List<string>());
        if (!report.TryGetProperty(field, out var list) || list.ValueKind == JsonValueKind.Null)
        {
            return (photos, errors);
        }
        if (list.ValueKind != JsonValueKind.Array)
        {
            errors.Add($"{field}: must be an array of images (base64 data URLs)");
            return (photos, errors);
        }
        if (list.GetArrayLength() > max)
        {
            errors.Add($"{field}: {list.GetArrayLength()} photos; at most {max}");
            return (photos, errors);
        }
        var i = 0;
        foreach (var item in list.EnumerateArray())
        {
            var (photo, why) = item.ValueKind == JsonValueKind.String ? PhotoRules.Read(item.GetString()!) : (null, "must be a base64 data URL");
            if (photo is null)
            {
                errors.Add($"{field}[{i}]: {why}");
            }
            else
            {
                photos.Add(photo);
            }
            i++;
        }
        return (photos, errors);
    }

    /// <summary>The grid's buildings and micro-grids, in the topology's order.</summary>
    private static IEnumerable<UnitNode> Below(TopologyIndex index, UnitNode grid)
    {
        foreach (var code in grid.Children)
        {
            var child = index.Find(code)!;
            yield return child;
            foreach (var building in child.Children.Select(index.Find).OfType<UnitNode>())
            {
                yield return building;
            }
        }
    }

    private static string PlaceIn(TopologyIndex index, string grid, string unit) =>
        index.Find(unit) is { } node
            ? string.Join(" › ", node.Path.SkipWhile(c => c != grid).Skip(1).Append(unit).Distinct(StringComparer.Ordinal).Select(c => index.Find(c)?.Name ?? c)) is { Length: > 0 } place ? place : node.Name
            : unit;

    private static WorkerSpec? WorkerOf(Caller caller, TopologyIndex index) => caller.Worker is { } id ? index.Worker(id) : null;

    private static IResult NoWorker(Caller caller) =>
        Problems.Forbidden($"{caller.Describe()} is not a worker of the topology now; an admin must look at the account");
}
