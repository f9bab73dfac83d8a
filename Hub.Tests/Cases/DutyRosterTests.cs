using System.Net;
using Hub.Tests.Support;
using static Hub.Tests.Support.Reports;

namespace Hub.Tests.Cases;

/// <summary>
/// 值班表 (docs/API.md): a unit's shifts, who is on watch at a moment, and escalation and
/// supervision telling the people on duty where the case arrives (or the next unit up).
/// </summary>
public class DutyRosterTests(ShortStagesHost host) : IClassFixture<ShortStagesHost>
{
    private const string Password = "duty-password-123";

    private async Task<string> Person(string role, string scope)
    {
        var user = $"duty-{Guid.NewGuid():N}"[..16];
        Assert.Equal(HttpStatusCode.Created, (await host.Api.Post("/api/v1/users", new { user, password = Password, role, scope })).Status);
        return user;
    }

    private static object Shift(string user, string post, DateTimeOffset from, DateTimeOffset to) =>
        new { from = Time(from), to = Time(to), user, post };

    [Fact]
    public async Task A_roster_says_who_is_on_watch_at_a_moment_and_refuses_what_cannot_be()
    {
        var street = TestCity.Street(2);
        var officer = await Person("officer", street);
        var leader = await Person("leader", TestCity.District);
        var stranger = await Person("officer", TestCity.Street(1));
        var now = Now;
        var put = await host.Api.Send(HttpMethod.Put, $"/api/v1/units/{street}/duty", new[]
        {
            Shift(officer, "officer", now.AddHours(-2), now.AddHours(6)),
            Shift(leader, "leader", now.AddHours(-2), now.AddHours(6)),
            Shift(officer, "officer", now.AddHours(6), now.AddHours(14)),
        });
        Assert.Equal(HttpStatusCode.OK, put.Status);

        var duty = (await host.Api.Get($"/api/v1/units/{street}/duty")).Json;
        Assert.Equal([(officer, "officer"), (leader, "leader")], duty["onDuty"]!.AsArray().Select(s => (s!["user"]!.GetValue<string>(), s["post"]!.GetValue<string>())));
        Assert.Equal(3, duty["shifts"]!.AsArray().Count);
        var later = (await host.Api.Get($"/api/v1/units/{street}/duty?at={Uri.EscapeDataString(Time(now.AddHours(7)))}")).Json;
        Assert.Equal([officer], later["onDuty"]!.AsArray().Select(s => s!["user"]!.GetValue<string>()));

        var bad = await host.Api.Send(HttpMethod.Put, $"/api/v1/units/{street}/duty", new[]
        {
            Shift(officer, "officer", now, now.AddHours(-1)),
            Shift("nobody-here", "officer", now, now.AddHours(1)),
            Shift(stranger, "officer", now, now.AddHours(1)),
            Shift(officer, "cook", now, now.AddHours(1)),
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.Status);
        Assert.Equal(["[0].to", "[1].user", "[2].user", "[3].post"], bad.Errors.Select(e => e[..e.IndexOf(':', StringComparison.Ordinal)]));
        // Nothing of a refused roster is applied.
        Assert.Equal(2, (await host.Api.Get($"/api/v1/units/{street}/duty")).Json["onDuty"]!.AsArray().Count);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Api.Get("/api/v1/units/NOPE/duty")).Status);
    }

    [Fact]
    public async Task Supervision_tells_who_is_on_duty_where_the_case_arrives_or_the_next_unit_up()
    {
        await using var wall = await WallClient.Connect(host);
        await wall.Watch(TestCity.City);
        var now = Now;
        var expired = await Person("officer", TestCity.Community(1));
        var streetOfficer = await Person("officer", TestCity.Street(1));
        var streetLeader = await Person("leader", TestCity.Street(1));
        // The community's only shift ended this morning; the street has two on watch.
        Assert.Equal(HttpStatusCode.OK, (await host.Api.Send(HttpMethod.Put, $"/api/v1/units/{TestCity.Community(1)}/duty",
            new[] { Shift(expired, "officer", now.AddHours(-10), now.AddHours(-2)) })).Status);
        Assert.Equal(HttpStatusCode.OK, (await host.Api.Send(HttpMethod.Put, $"/api/v1/units/{TestCity.Street(1)}/duty",
            new[] { Shift(streetOfficer, "officer", now.AddHours(-1), now.AddHours(7)), Shift(streetLeader, "leader", now.AddHours(-1), now.AddHours(7)) })).Status);

        var id = await host.Api.Raise(Alert(TestCity.Grid(1, 5), severity: "minor", category: "dumping"));
        Assert.Equal(HttpStatusCode.OK, (await host.Api.Post($"/api/v1/alerts/{id}/ack", new { })).Status);
        var events = await Eventually.Within(TimeSpan.FromSeconds(8),
            () => Task.FromResult(wall.EventsOf(id).Where(e => e.Event["kind"]!.GetValue<string>() == "supervised").Select(e => e.Event).ToArray()),
            e => e.Length == 2, "yellow and red reach the wall");
        foreach (var e in events)
        {
            Assert.Equal(new[] { streetOfficer, streetLeader }.Order(StringComparer.Ordinal), e["notify"]!.AsArray().Select(n => n!.GetValue<string>()).Order(StringComparer.Ordinal));
        }
        var trail = (await host.Api.Get($"/api/v1/alerts/{id}")).Json["audit"]!.AsArray().Where(a => a!["action"]!.GetValue<string>() == "supervised");
        Assert.All(trail, a => Assert.Equal(2, a!["notify"]!.AsArray().Count));

        // Someone on watch at the community now: the next case tells them, not the street.
        var communityOfficer = await Person("officer", TestCity.Community(1));
        Assert.Equal(HttpStatusCode.OK, (await host.Api.Send(HttpMethod.Put, $"/api/v1/units/{TestCity.Community(1)}/duty",
            new[] { Shift(communityOfficer, "officer", now.AddHours(-1), now.AddHours(7)) })).Status);
        var next = await host.Api.Raise(Alert(TestCity.Grid(1, 5), severity: "minor", category: "graffiti"));
        Assert.Equal(HttpStatusCode.OK, (await host.Api.Post($"/api/v1/alerts/{next}/ack", new { })).Status);
        var told = await Eventually.Within(TimeSpan.FromSeconds(8),
            () => Task.FromResult(wall.EventsOf(next).FirstOrDefault(e => e.Event["kind"]!.GetValue<string>() == "supervised").Event),
            e => e is not null, "the next case is supervised");
        Assert.Equal([communityOfficer], told!["notify"]!.AsArray().Select(n => n!.GetValue<string>()));
    }
}
