using System.Globalization;
using System.Text.Json;

namespace Hub.Replay;

/// <summary>
/// A recorded day as NDJSON, one event per line, in order:
/// <c>{"after": "08:05:00", "checkin": {…}}</c>, <c>{"after": …, "alert": {…}}</c> or
/// <c>{"after": …, "action": {"sourceId", "do", "body"?}}</c>. Bodies are the public API's, without
/// their times: a replay sends them as they happen.
/// </summary>
public static class ReplayLog
{
    public static IReadOnlyList<ReplayEvent> Read(string path)
    {
        var events = new List<ReplayEvent>();
        var line = 0;
        foreach (var text in File.ReadLines(path))
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            var after = TimeSpan.ParseExact(root.GetProperty("after").GetString()!, @"hh\:mm\:ss", CultureInfo.InvariantCulture);
            var (kind, body) = root.TryGetProperty("checkin", out var c) ? (ReplayKind.Checkin, c)
                : root.TryGetProperty("alert", out var a) ? (ReplayKind.Alert, a)
                : root.TryGetProperty("action", out var x) ? (ReplayKind.Action, x)
                : throw new FormatException($"line {line}: neither a checkin, an alert nor an action");
            if (events.Count > 0 && after < events[^1].After)
            {
                throw new FormatException($"line {line}: {after} is before the line above");
            }
            events.Add(new ReplayEvent(line, after, kind, body.Clone()));
        }
        return events;
    }
}
