using Hub.Dashboard.Access;
using Hub.Dashboard.Api;
using Hub.Dashboard.Wire;
using Hub.Grains.Alerts;
using Hub.Grains.Model;
using Hub.Grains.Telemetry;
using Hub.Grains.Topology;
using Hub.Grains.Units;
using Microsoft.AspNetCore.SignalR;

namespace Hub.Dashboard.Live;

/// <summary>
/// The wall screen's live connection (API.md §7): <c>Watch</c> returns a unit's status and subscribes
/// to its pushes; <c>Ack</c> acknowledges an alert under the same rules as the HTTP call.
/// Connecting needs a signed-in user (a department's user is sent its department's case events and may call no method); each method declares its rule, checked by <see cref="HubMethodAccess"/>.
/// </summary>
public sealed class WallHub(TopologyCatalog topology, IGrainFactory grains, WallBridge bridge, WallSessions sessions, AlertViews views, HubMetrics metrics) : Microsoft.AspNetCore.SignalR.Hub
{
    public const string Path = "/hubs/wall";

    private Caller Caller => Caller.Of(Context.User!);

    [Allow(Permission.Read)]
    public async Task<UnitStatus> Watch(string code)
    {
        if (topology.Current.Find(code) is not { } node)
        {
            throw new HubException($"unknown unit '{code}'");
        }
        if (!Caller.Covers(topology.Current, code))
        {
            throw new HubException($"forbidden: {Caller.OutsideScope(code)}");
        }
        await Groups.AddToGroupAsync(Context.ConnectionId, WallBridge.Group(code));
        await bridge.Watch(Context.ConnectionId, node);
        return await UnitGrains.Of(grains, node).GetStatus(code) ?? throw new HubException($"unknown unit '{code}'");
    }

    [Allow(Permission.Read)]
    public async Task Unwatch(string code)
    {
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, WallBridge.Group(code));
        await bridge.Unwatch(Context.ConnectionId, code);
    }

    /// <summary>Acknowledges like <c>POST /api/v1/alerts/{id}/ack</c>; the answer carries the HTTP status it would have had.</summary>
    [Allow(Permission.Act)]
    public async Task<ActionAnswer> Ack(string alertId, string? note)
    {
        if (note is { Length: > ActionBody.MaxNoteLength })
        {
            return new ActionAnswer(422, null, $"note: longer than {ActionBody.MaxNoteLength} characters");
        }
        if (note is not null && TextRule.Problem(note, multiline: true) is { } problem)
        {
            return new ActionAnswer(422, null, $"note: {problem}");
        }
        var caller = Caller;
        var result = await grains.GetGrain<IAlertGrain>(alertId)
            .Act(new AlertCommand(AlertAction.Acknowledge, caller.Name, note, Scope: caller.Scope));
        return result.Outcome switch
        {
            ActionOutcome.Done => new ActionAnswer(200, views.From(result.Alert!, result.Audit), null),
            ActionOutcome.Conflict => new ActionAnswer(409, views.From(result.Alert!),
                $"alert '{alertId}' is {WireName.Of(result.Alert!.State)} (by {result.Alert.LastBy})", result.Alert.State, result.Alert.LastBy),
            _ => new ActionAnswer(404, null, $"unknown alert '{alertId}'"),
        };
    }

    /// <summary>A department's user hears of the cases their department is summoned to, and of nothing else.</summary>
    public override async Task OnConnectedAsync()
    {
        sessions.Opened(Context);
        metrics.ScreenConnected();
        if (Caller is { IsDepartment: true, Department: { } department })
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, WallBridge.DepartmentGroup(department));
        }
        await base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        sessions.Closed(Context.ConnectionId);
        metrics.ScreenDisconnected();
        await bridge.Forget(Context.ConnectionId);
        await base.OnDisconnectedAsync(exception);
    }
}

/// <summary>An action's outcome over the hub: the status the HTTP call would answer, the alert, and what went wrong.</summary>
public sealed record ActionAnswer(int Status, AlertView? Alert, string? Detail, AlertState? State = null, string? By = null);
