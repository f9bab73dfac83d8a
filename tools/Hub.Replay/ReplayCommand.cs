using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hub.Silo.Demo;

namespace Hub.Replay;

/// <summary>
/// 回放: plays a recorded day through a running hub's public API, for drills, demonstrations and load.
/// <code>
/// dotnet run --project tools/Hub.Replay -- --user demo-admin --password &lt;printed&gt; [--speed 60] [--url http://localhost:8080] [--file days/example-day.ndjson]
/// dotnet run --project tools/Hub.Replay -- --write-example days/example-day.ndjson
/// </code>
/// </summary>
public static class ReplayCommand
{
    public static async Task<int> Main(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options[args[i].TrimStart('-')] = args[i + 1];
        }
        if (options.TryGetValue("write-example", out var target))
        {
            await File.WriteAllLinesAsync(target, ExampleDay.Lines(DemoCity.Build()));
            Console.WriteLine($"wrote {target}");
            return 0;
        }
        var url = options.GetValueOrDefault("url", "http://localhost:8080");
        var speed = double.Parse(options.GetValueOrDefault("speed", "60"), System.Globalization.CultureInfo.InvariantCulture);
        var file = options.GetValueOrDefault("file", Path.Combine(AppContext.BaseDirectory, "days", "example-day.ndjson"));
        if (!options.TryGetValue("user", out var user) || (options.GetValueOrDefault("password") ?? Environment.GetEnvironmentVariable("HUB_REPLAY_PASSWORD")) is not { } password)
        {
            Console.Error.WriteLine("--user and --password (or HUB_REPLAY_PASSWORD) are required: an admin or an officer who may send reports");
            return 2;
        }
        using var hub = new HttpClient { BaseAddress = new Uri(url) };
        using (var login = await hub.PostAsJsonAsync("/api/v1/auth/login", new { user, password }))
        {
            if (!login.IsSuccessStatusCode)
            {
                Console.Error.WriteLine($"sign-in refused: {(int)login.StatusCode}");
                return 2;
            }
            var token = (await login.Content.ReadFromJsonAsync<JsonNode>())!["token"]!.GetValue<string>();
            hub.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        var events = ReplayLog.Read(file);
        Console.WriteLine($"replaying {events.Count} events of {Path.GetFileName(file)} at {speed}× ({events[^1].After / speed:hh\\:mm\\:ss} from now)");
        var outcome = await new Replayer(hub, speed, DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture))
            .Play(events, new Progress<int>(n =>
            {
                if (n % 50 == 0)
                {
                    Console.WriteLine($"  {n} sent");
                }
            }));
        Console.WriteLine($"{outcome.Sent} sent, {outcome.Refused.Count} refused");
        foreach (var problem in outcome.Refused)
        {
            Console.WriteLine("  " + problem);
        }
        return outcome.Refused.Count == 0 ? 0 : 1;
    }
}
