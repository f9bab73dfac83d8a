using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Hub.Replay;

/// <summary>What a replay sent, and what the hub refused (by line).</summary>
public sealed record ReplayOutcome(int Sent, IReadOnlyList<string> Refused);

/// <summary>
/// 回放: plays a recorded day through the public API at <c>speed</c>× — each event sent when its
/// time has come (from the start of the replay, scaled), with the time of now, and with ids made
/// fresh by <c>run</c> so the same day can be played again. A step names its alert by the source id
/// the recording raised it with.
/// </summary>
public sealed class Replayer(HttpClient hub, double speed, string run, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly Dictionary<string, string> _alerts = new(StringComparer.Ordinal);

    public async Task<ReplayOutcome> Play(IReadOnlyList<ReplayEvent> events, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var refused = new List<string>();
        var started = _time.GetTimestamp();
        var sent = 0;
        foreach (var e in events)
        {
            var due = e.After / speed - _time.GetElapsedTime(started);
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due, _time, cancellationToken);
            }
            if (await Send(e, cancellationToken) is { } problem)
            {
                refused.Add($"line {e.Line}: {problem}");
            }
            sent++;
            progress?.Report(sent);
        }
        return new ReplayOutcome(sent, refused);
    }

    private async Task<string?> Send(ReplayEvent e, CancellationToken cancellationToken)
    {
        var body = JsonNode.Parse(e.Body.GetRawText())!.AsObject();
        var now = _time.GetUtcNow().ToString("O");
        switch (e.Kind)
        {
            case ReplayKind.Checkin:
                body["id"] = $"{body["id"]}-{run}";
                body["at"] = now;
                return Problem(await hub.PostAsJsonAsync("/api/v1/checkins", new[] { body }, cancellationToken), "checkins");
            case ReplayKind.Alert:
                {
                    var recorded = body["sourceId"]!.GetValue<string>();
                    body["sourceId"] = $"{recorded}-{run}";
                    body["at"] = now;
                    using var response = await hub.PostAsJsonAsync("/api/v1/alerts", new[] { body }, cancellationToken);
                    if (!response.IsSuccessStatusCode)
                    {
                        return Problem(response, "alerts");
                    }
                    var answer = await response.Content.ReadFromJsonAsync<JsonNode>(cancellationToken);
                    _alerts[recorded] = answer!["results"]![0]!["alertId"]!.GetValue<string>();
                    return null;
                }
            default:
                {
                    var recorded = body["sourceId"]!.GetValue<string>();
                    if (!_alerts.TryGetValue(recorded, out var id))
                    {
                        return $"no alert raised as '{recorded}' before this step";
                    }
                    var step = body["do"]!.GetValue<string>();
                    var content = body["body"] ?? new JsonObject();
                    return Problem(await hub.PostAsJsonAsync($"/api/v1/alerts/{id}/{step}", content, cancellationToken), step);
                }
        }
    }

    private static string? Problem(HttpResponseMessage response, string what)
    {
        using (response)
        {
            return response.IsSuccessStatusCode ? null : $"{what}: {(int)response.StatusCode} {response.Content.ReadAsStringAsync().GetAwaiter().GetResult()}";
        }
    }
}
