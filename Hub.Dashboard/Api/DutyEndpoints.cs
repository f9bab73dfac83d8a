using Hub.Dashboard.Access;
using Hub.Dashboard.Api.Bodies;
using Hub.Dashboard.Api.Views;
using Hub.Dashboard.OpenApi;
using Hub.Dashboard.Wire;
using Hub.Grains.Access;
using Hub.Grains.Duty;
using Hub.Grains.Time;
using Hub.Grains.Topology;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Hub.Dashboard.Api;

/// <summary>值班表: who is on watch at a unit, shift by shift; escalation and supervision tell them.</summary>
public static class DutyEndpoints
{
    public const int MaxShifts = 1_000;
    private const int MaxBodyBytes = 512 * 1024;
    private const string Tag = "Duty";
    private static readonly TimeSpan LongestShift = TimeSpan.FromDays(31);

    public static RouteGroupBuilder MapDuty(this RouteGroupBuilder api)
    {
        api.MapPut("/units/{code}/duty", Replace).Allow(Permission.Administer)
            .WithSummary("Replace a unit's duty roster (值班表) with the shifts given, at most 1,000").WithTags(Tag)
            .Takes<ShiftBody[]>("A JSON array of shifts, checked whole; an empty array clears the roster.")
            .Answers<DutyReplaced>().Refuses(400, 403, 404, 413, 422);
        api.MapGet("/units/{code}/duty", Read).Allow(Permission.Read)
            .WithSummary("Who is on watch at a unit now (or at ?at=), and the shifts from then on").WithTags(Tag)
            .Answers<DutyView>().Refuses(400, 403, 404);
        return api;
    }

    /// <summary>Replaces the unit's roster with the shifts given, validated whole (<c>422</c> naming each bad one).</summary>
    private static async Task<IResult> Replace(string code, HttpRequest request, Caller caller, TopologyCatalog topology, IGrainFactory grains)
    {
        var index = topology.Current;
        if (ScopedUnit.Find(index, caller, code).Problem is { } problem)
        {
            return problem;
        }
        var (body, unreadable) = await JsonBody.ReadArray(request, MaxBodyBytes, MaxShifts, "shifts");
        if (body is null)
        {
            return unreadable!;
        }
        using (body)
        {
            var accounts = (await grains.GetGrain<IAccountsGrain>(IAccountsGrain.Key).List()).ToDictionary(a => UserAccount.KeyOf(a.Name));
            var errors = new List<string>();
            var shifts = new List<Shift>();
            var i = 0;
            foreach (var element in body.RootElement.EnumerateArray())
            {
                var f = new JsonFields(element, $"[{i++}]", errors);
                if (!f.IsObject)
                {
                    continue;
                }
                var from = f.Time("from");
                var to = f.Time("to");
                var user = f.Code("user");
                var post = f.Enum<DutyPost>("post");
                if (from is { } a && to is { } b && (b <= a || b - a > LongestShift))
                {
                    f.Error("to", $"must be after 'from' and within {LongestShift.TotalDays:0} days of it");
                }
                else if (user is not null)
                {
                    if (accounts.GetValueOrDefault(UserAccount.KeyOf(user)) is not { Disabled: false } account)
                    {
                        f.Error("user", $"unknown or disabled user '{user}'");
                    }
                    else if (!Jurisdiction.Covers(account.Scope, index, code))
                    {
                        f.Error("user", $"'{user}' cannot see '{code}' (scope '{account.Scope}'), so cannot be on watch there");
                    }
                    else if (from is { } start && to is { } end && post is { } p)
                    {
                        shifts.Add(new Shift(start, end, account.Name, p));
                    }
                }
            }
            if (errors.Count > 0)
            {
                return Problems.InvalidBatch(errors, body.RootElement.GetArrayLength());
            }
            await grains.GetGrain<IDutyRosterGrain>(code).Replace(shifts);
            return Results.Ok(new DutyReplaced(Code: code, Shifts: shifts.Count));
        }
    }

    /// <summary>Who is on watch at <c>at</c> (now by default), and the roster's shifts from then on.</summary>
    private static async Task<IResult> Read(string code, HttpRequest request, Caller caller, TopologyCatalog topology, IGrainFactory grains, HubClock clock)
    {
        var index = topology.Current;
        if (ScopedUnit.Find(index, caller, code).Problem is { } problem)
        {
            return problem;
        }
        var at = clock.Now;
        if (request.Query["at"].ToString() is { Length: > 0 } text)
        {
            if (!DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var parsed))
            {
                return Problems.BadRequest($"at: '{text}' is not an ISO-8601 time with an offset");
            }
            at = clock.InZone(parsed);
        }
        var shifts = await grains.GetGrain<IDutyRosterGrain>(code).Shifts();
        return Results.Ok(new DutyView(
            Code: code,
            At: at,
            OnDuty: shifts.Where(s => s.Covers(at)).Select(s => View(s, clock)).ToArray(),
            Shifts: shifts.Where(s => s.To > at).Select(s => View(s, clock)).ToArray()));
    }

    private static ShiftView View(Shift s, HubClock clock) => new(s.User, s.Post, From: clock.InZone(s.From), To: clock.InZone(s.To));
}
