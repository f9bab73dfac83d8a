using Hub.Grains.Alerts;
using Hub.Grains.History;
using Hub.Grains.Model;
using Hub.Grains.Topology;
using Hub.Grains.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Hub.Dashboard.Api;

/// <summary>API.md §4–§5: what centers and duty officers do to one alert, and the alert lists.</summary>
public static class AlertEndpoints
{
    private const int MaxActionBytes = 64 * 1024;
    public const int MaxNoteLength = 2_000;

    public static RouteGroupBuilder MapAlerts(this RouteGroupBuilder api)
    {
        api.MapGet("/alerts", List);
        api.MapGet("/alerts/{id}", Read);
        api.MapPost("/alerts/{id}/clear", Clear);
        api.MapPost("/alerts/{id}/ack", (string id, HttpContext http, IGrainFactory grains, AlertViews views) => Act(id, AlertAction.Acknowledge, http, grains, views));
        api.MapPost("/alerts/{id}/dispatch", (string id, HttpContext http, IGrainFactory grains, AlertViews views) => Act(id, AlertAction.Dispatch, http, grains, views));
        api.MapPost("/alerts/{id}/resolve", (string id, HttpContext http, IGrainFactory grains, AlertViews views) => Act(id, AlertAction.Resolve, http, grains, views));
        api.MapPost("/alerts/{id}/close", (string id, HttpContext http, IGrainFactory grains, AlertViews views) => Act(id, AlertAction.Close, http, grains, views));
        return api;
    }

    /// <summary>Who is acting. Until people sign in, every officer is "anonymous".</summary>
    public static string ActorOf(HttpContext http) => http.User.Identity?.Name is { Length: > 0 } name ? name : "anonymous";

    private static async Task<IResult> Read(string id, IGrainFactory grains, AlertViews views)
    {
        var result = await Alert(grains, id).Read();
        return result.Alert is { } alert ? Results.Ok(views.From(alert, result.Audit)) : NotFound(id);
    }

    private static async Task<IResult> Clear(string id, HttpContext http, IGrainFactory grains, AlertViews views)
    {
        var result = await Alert(grains, id).Clear(ActorOf(http));
        return Answer(id, result, views);
    }

    private static async Task<IResult> Act(string id, AlertAction action, HttpContext http, IGrainFactory grains, AlertViews views)
    {
        var (body, problem) = await JsonBody.Read(http.Request, MaxActionBytes, allowEmpty: true);
        if (body is null)
        {
            return problem!;
        }
        using (body)
        {
            var errors = new List<string>();
            var fields = new JsonFields(body.RootElement, "$", errors);
            var note = fields.Text("note", required: action == AlertAction.Resolve, maxLength: MaxNoteLength);
            var assignee = action == AlertAction.Dispatch ? fields.Text("assignee", maxLength: 100) : null;
            if (errors.Count > 0)
            {
                return Problems.Invalid(errors);
            }
            var result = await Alert(grains, id).Act(new AlertCommand(action, ActorOf(http), note, assignee));
            return Answer(id, result, views);
        }
    }

    private static async Task<IResult> List(HttpContext http, TopologyCatalog topology, IAlertJournal journal, AlertViews views)
    {
        var query = http.Request.Query;
        var errors = new List<string>();
        string? unit = query["unit"];
        if (unit is not null && topology.Current.Find(unit) is null)
        {
            return Problems.NotFound($"unknown unit '{unit}'");
        }
        AlertState? state = null;
        var activeOnly = false;
        if (query["state"].ToString() is { Length: > 0 } stateText)
        {
            if (stateText == "active")
            {
                activeOnly = true;
            }
            else if (WireName.TryParse<AlertState>(stateText, out var s))
            {
                state = s;
            }
            else
            {
                errors.Add($"state: '{stateText}' is not one of active, {WireName.Allowed<AlertState>()}");
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
        if (errors.Count > 0)
        {
            return Problems.BadRequest(string.Join("; ", errors), errors);
        }
        var found = await journal.Find(new AlertQuery(unit, state, activeOnly, severity, limit), http.RequestAborted);
        return Results.Ok(new { Items = found.Select(a => views.From(a)).ToArray() });
    }

    private static IResult Answer(string id, ActionResult result, AlertViews views) => result.Outcome switch
    {
        ActionOutcome.Done => Results.Ok(views.From(result.Alert!, result.Audit)),
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
