using Hub.Replay;
using Hub.Silo.Demo;
using Hub.Tests.Support;

namespace Hub.Tests.Http;

/// <summary>A hub loaded with the demo city's topology, without the demo's feed or past.</summary>
public sealed class DemoCityHost : HubHost
{
    private readonly string _topology = WriteTopology(DemoCity.Build());

    protected override IEnumerable<KeyValuePair<string, string>> Settings() => [new("Hub:Topology", _topology)];
}

/// <summary>回放: the shipped example day, played through the public API, lands whole and reads back as that day.</summary>
public class ReplayTests(DemoCityHost host) : IClassFixture<DemoCityHost>
{
    private static string ExampleDay => Path.Combine(AppContext.BaseDirectory, "days", "example-day.ndjson");

    [Fact]
    public void The_shipped_day_is_the_one_the_example_writer_makes() =>
        Assert.Equal(Hub.Replay.ExampleDay.Lines(DemoCity.Build()), File.ReadAllLines(ExampleDay));

    [Fact]
    public async Task The_example_day_replays_without_a_refusal_and_the_district_shows_it()
    {
        var events = ReplayLog.Read(ExampleDay);
        var outcome = await new Replayer(host.Api.Http, speed: 100_000, run: Guid.NewGuid().ToString("N")[..8]).Play(events);
        Assert.Empty(outcome.Refused);
        Assert.Equal(events.Count, outcome.Sent);

        string Step(ReplayEvent e) => e.Body.GetProperty("do").GetString()!;
        var actions = events.Where(e => e.Kind == ReplayKind.Action).ToArray();
        var (raised, rejected, closed) = (events.Count(e => e.Kind == ReplayKind.Alert), actions.Count(a => Step(a) == "reject"), actions.Count(a => Step(a) == "close"));
        var checkins = events.Count(e => e.Kind == ReplayKind.Checkin);
        var district = "140109";
        var status = await Eventually.Within(TimeSpan.FromSeconds(10), () => host.Api.Status(district),
            s => s["today"]!["checkins"]!.GetValue<int>() == checkins && s["today"]!["handled"]!.GetValue<int>() == closed, "the day's figures reach the district");
        Assert.Equal((raised - rejected, rejected), (status["today"]!["raised"]!.GetValue<int>(), status["today"]!["rejected"]!.GetValue<int>()));
        // Accepted and never dispatched by the day's end: still active.
        Assert.Equal(raised - rejected - closed, status["alerts"]!["active"]!.GetValue<int>());
        Assert.Equal(0, status["workers"]!["onDuty"]!.GetValue<int>()); // every shift ended
    }

    [Fact]
    public void A_recording_out_of_order_is_refused_by_line()
    {
        var file = Path.GetTempFileName();
        File.WriteAllLines(file, ["{\"after\":\"09:00:00\",\"checkin\":{}}", "{\"after\":\"08:00:00\",\"checkin\":{}}"]);
        try
        {
            var refused = Assert.Throws<FormatException>(() => ReplayLog.Read(file));
            Assert.StartsWith("line 2:", refused.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
