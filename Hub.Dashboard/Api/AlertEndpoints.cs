using Hub.Dashboard.Access;
using Hub.Dashboard.Api.Bodies;
using Hub.Dashboard.Api.Views;
using Hub.Dashboard.OpenApi;
using Hub.Grains.Access;
using Hub.Grains.Alerts;
using Hub.Grains.History;
using Hub.Grains.Model;
using Hub.Grains.Topology;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Hub.Dashboard.Api;

/// <summary>API.md §4–§5: what centers and duty officers do to one alert, and the alert lists.</summary>
public static class AlertEndpoints
{
    private const int MaxActionBytes = 64 * 1024;
    private const string Tag = "Cases";
    private const string EmptyAllowed = "May be empty: an empty body is taken as {}.";

    public static RouteGroupBuilder MapAlerts(this RouteGroupBuilder api)
    {
        api.MapGet("/alerts", List).Allow(Permission.ReadCases)
            .WithSummary("Alerts and cases in the caller's scope, by unit, state and severity").WithTags(Tag)
            .Answers<AlertList>().Refuses(400, 403, 404);
        api.MapGet("/alerts/{id}", Read).Allow(Permission.ReadCases)
            .WithSummary("One alert with its audit trail and timeline").WithTags(Tag)
            .Answers<AlertView>().Refuses(404);
        api.MapPost("/alerts/{id}/clear", Clear).Allow(Permission.Ingest)
            .WithSummary("The source says the condition has ended; the case stays open until handled").WithTags(Tag)
            .Answers<AlertView>().Refuses(404, 409);
        MapAction(api, "ack", AlertAction.Acknowledge, Permission.Act, "Acknowledge (受理) a raised alert")
            .Takes<NoteBody>(EmptyAllowed);
        MapAction(api, "dispatch", AlertAction.Dispatch, Permission.Act, "Dispatch (派遣) a case to a person, or summon departments (吹哨)")
            .Takes<DispatchBody>();
        MapAction(api, "resolve", AlertAction.Resolve, Permission.WorkCases, "Resolve (处置) a case, or finish one department's part of it")
            .Takes<ResolveBody>();
        MapAction(api, "report-in", AlertAction.ReportIn, Permission.WorkCases, "Report in (报到) for a department summoned to a case")
            .Takes<ReportInBody>();
        MapAction(api, "close", AlertAction.Close, Permission.Act, "Close (结案) a verified case")
            .Takes<NoteBody>(EmptyAllowed);
        MapAction(api, "reject", AlertAction.Reject, Permission.Act, "Reject (不予立案) a case not to be taken on, saying why")
            .Takes<RejectBody>();
        MapAction(api, "verify", AlertAction.Verify, Permission.Act, "Verify (核查) a resolved case; failed, it goes back to work")
            .Takes<VerifyBody>();
        MapAction(api, "supervise", AlertAction.Supervise, Permission.Supervise, "Supervise (督办) a case: a leader presses it one level")
            .Takes<SuperviseBody>();
        MapAction(api, "rate", AlertAction.Rate, Permission.Act, "Rate (评价) a closed case, once")
            .Takes<RateBody>();
        return api;
    }

    /// <summary>One action on a case: its route, who may take it, and what it answers (the case after it, or why not).</summary>
    private static RouteHandlerBuilder MapAction(RouteGroupBuilder api, string route, AlertAction action, Permission permission, string summary) =>
        api.MapPost($"/alerts/{{id}}/{route}", (string id, Caller caller, HttpContext http, IGrainFactory grains, AlertViews views) => Act(id, action, caller, http, grains, views))
            .Allow(permission)
            .WithSummary(summary).WithTags(Tag)
            .Answers<AlertView>().Refuses(400, 404, 409, 413, 422);

    // An alert outside the caller's scope answers as unknown (404): its id is a hash anyone can
    // compute, so a 403 would confirm it exists.
    private static async Task<IResult> Read(string id, Caller caller, IGrainFactory grains, AlertViews views)
    {
        var result = await Alert(grains, id).Read();
        return result.Alert is { } alert && caller.Covers(alert.Path) && (!caller.IsDepartment || CaseParts.Has(alert.Parts, caller.Department!))
            ? Results.Ok(views.From(alert, result.Audit))
            : NotFound(id);
    }

    private static async Task<IResult> Clear(string id, Caller caller, IGrainFactory grains, AlertViews views) =>
        Answer(id, await Alert(grains, id).Clear(caller.Sender, caller.Scope), views);

    private static async Task<IResult> Act(string id, AlertAction action, Caller caller, HttpContext http, IGrainFactory grains, AlertViews views)
    {
        var (command, problem) = await JsonBody.ReadObject(http.Request, MaxActionBytes, fields => ActionBody.Read(action, caller, fields), allowEmpty: true);
        return command is null ? problem! : Answer(id, await Alert(grains, id).Act(command), views);
    }

    private static async Task<IResult> List(HttpContext http, Caller caller, TopologyCatalog topology, IAlertJournal journal, AlertViews views)
    {
        var query = http.Request.Query;
        var errors = new List<string>();
        string? unit = query["unit"];
        if (unit is not null && topology.Current.Find(unit) is null)
        {
            return Problems.NotFound($"unknown unit '{unit}'");
        }
        if (unit is not null && !caller.Covers(topology.Current, unit))
        {
            return Problems.OutsideScope(caller, unit);
        }
        // Without a unit the list is the caller's whole scope, never more.
        unit ??= caller.Scope == Jurisdiction.Everything ? null : caller.Scope;
        AlertState? state = null;
        var (activeOnly, openOnly) = (false, false);
        if (query["state"].ToString() is { Length: > 0 } stateText)
        {
            if (stateText == "active")
            {
                activeOnly = true;
            }
            else if (stateText == "open")
            {
                openOnly = true;
            }
            else if (WireName.TryParse<AlertState>(stateText, out var s))
            {
                state = s;
            }
            else
            {
                errors.Add($"state: '{stateText}' is not one of active, open, {WireName.Allowed<AlertState>()}");
            }
        }
        Severity? severity = null;
        if (query["severity"].ToString() is { Length: > 0 } severityText)
        {
            if (WireName.TryParse<Severity>(severityText, out var s))
            {
                severity = s;
            }
            else
            {
                errors.Add($"severity: '{severityText}' is not one of {WireName.Allowed<Severity>()}");
            }
        }
        var limit = QueryParams.WholeNumber(http.Request, "limit", AlertQuery.DefaultLimit, 1, AlertQuery.MaxLimit, errors);
        var sort = query["sort"].ToString();
        if (sort is not ("" or "time" or "importance"))
        {
            errors.Add($"sort: '{sort}' is not one of time, importance");
        }
        if (errors.Count > 0)
        {
            return Problems.BadRequest(string.Join("; ", errors), errors);
        }
        var found = await journal.Find(new AlertQuery(unit, state, activeOnly, severity, limit, caller.IsDepartment ? caller.Department : null) { OpenOnly = openOnly, ByImportance = sort == "importance" }, http.RequestAborted);
        return Results.Ok(new AlertList(found.Select(a => views.From(a)).ToArray()));
    }

    private static IResult Answer(string id, ActionResult result, AlertViews views) => result.Outcome switch
    {
        ActionOutcome.Done => Results.Ok(views.From(result.Alert!, result.Audit)),
        ActionOutcome.Invalid => Problems.Invalid([result.Problem!]),
        ActionOutcome.Conflict => Problems.Of(
            StatusCodes.Status409Conflict,
            "Conflict",
            $"alert '{id}' is {Grains.Model.WireName.Of(result.Alert!.State)} (by {result.Alert.LastBy} at {result.Alert.ChangedAt:O})",
            extra: new { State = Grains.Model.WireName.Of(result.Alert.State), By = result.Alert.LastBy, At = result.Alert.ChangedAt }),
        _ => NotFound(id),
    };

    private static IResult NotFound(string id) => Problems.NotFound($"unknown alert '{id}'");

    private static IAlertGrain Alert(IGrainFactory grains, string id) => grains.GetGrain<IAlertGrain>(id);
}
