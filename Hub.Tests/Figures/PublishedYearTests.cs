using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Hub.Tests.Support;

namespace Hub.Tests.Figures;

/// <summary>A hub loaded with <see cref="YearCity"/>, on memory storage.</summary>
public sealed class YearHost : HubHost
{
    private readonly string _topology = WriteTopology(YearCity.Build());

    protected override IEnumerable<KeyValuePair<string, string>> Settings() => [new("Hub:Topology", _topology)];
}

/// <summary>A hub loaded with <see cref="YearCity"/>, on a real PostgreSQL.</summary>
public sealed class YearPostgresHost : PostgresHubHost
{
    private readonly string _topology = WriteTopology(YearCity.Build());

    protected override IEnumerable<KeyValuePair<string, string>> Settings() => base.Settings().Concat([new KeyValuePair<string, string>("Hub:Topology", _topology)]);
}

/// <summary>
/// The practice's figures from raw history: a year built to a district's published totals — 17,033
/// cases accepted and 16,871 handled (处置率 99.05 %), patrol visits done against those planned at
/// 93.12 % — imported as an old platform would hand it over, then read back from <c>/stats</c> for
/// the year and from each month's assessment. The hub is told only the raw cases and visits; the
/// expected figures are this fixture's own counts, divided and rounded as the contract says.
/// </summary>
public abstract class PublishedYearTests(HubHost host)
{
    private const int Accepted = 17_033, Handled = 16_871, Rejected = 150;
    private const double PublishedPatrolRate = 0.9312;
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    private static double? Rate(int part, int whole) => whole == 0 ? null : Math.Round((double)part / whole, 4, MidpointRounding.AwayFromZero);

    private static string T(DateTimeOffset at) => at.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_years_raw_history_gives_the_published_rates_for_the_year_and_each_month()
    {
        var api = host.Api;
        var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(Shanghai).DateTime);
        var to = new DateOnly(today.Year, today.Month, 1).AddDays(-1);
        var from = new DateOnly(today.Year, today.Month, 1).AddMonths(-12);
        Assert.Equal(HttpStatusCode.OK, (await api.Send(HttpMethod.Put, $"/api/v1/units/{YearCity.WeeklyCommunity}/patrol-plan", new { cadence = "weekly", visits = 1 })).Status);
        Assert.Equal(HttpStatusCode.OK, (await api.Send(HttpMethod.Put, $"/api/v1/units/{YearCity.MonthlyCommunity}/patrol-plan", new { cadence = "monthly", visits = 1 })).Status);

        // ---- the plan, counted here the plain way ----
        var days = to.DayNumber - from.DayNumber + 1;
        var mondays = Enumerable.Range(0, days).Select(from.AddDays).Where(d => d.DayOfWeek == DayOfWeek.Monday && d.AddDays(6) <= to).ToArray();
        var grids = YearCity.Grids().ToArray();
        var dailyTargets = grids.Where(g => g.Grid.StartsWith("YG", StringComparison.Ordinal)).SelectMany(g => g.Targets).ToArray();
        var weeklyTargets = grids.Single(g => g.Grid == "YW").Targets;
        var monthlyTargets = grids.Where(g => g.Grid.StartsWith("YM", StringComparison.Ordinal)).SelectMany(g => g.Targets).ToArray();
        Assert.Equal((101, 2, 402), (dailyTargets.Length, weeklyTargets.Length, monthlyTargets.Length));
        var planned = (dailyTargets.Length * days) + (weeklyTargets.Length * mondays.Length) + (monthlyTargets.Length * 12);
        var done = (int)Math.Round(planned * PublishedPatrolRate);
        var dailySlots = dailyTargets.Length * days;
        var misses = planned - done; // all missed on daily targets: weekly and monthly ones are all done
        Assert.Equal(PublishedPatrolRate, Rate(done, planned));

        // ---- the visits: every planned one but the misses, some twice (the second must not count) ----
        var visits = new StringBuilder();
        var visitCount = 0;
        string GridOf(string target) => grids.First(g => g.Targets.Contains(target)).Grid;
        void Visit(string target, DateOnly day, int hour)
        {
            var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, 0)), Shanghai);
            visits.Append(JsonSerializer.Serialize(new { id = $"v{++visitCount}", worker = YearCity.WorkerOf(GridOf(target)), unit = target, at = T(at) })).Append('\n');
        }
        for (var d = 0; d < days; d++)
        {
            for (var t = 0; t < dailyTargets.Length; t++)
            {
                // Multiplying by 7919 (a prime dividing no slot count here) permutes the slots: exactly `misses` of them are missed.
                var spread = (int)(((long)((d * dailyTargets.Length) + t) * 7919) % dailySlots);
                if (spread < misses)
                {
                    continue;
                }
                Visit(dailyTargets[t], from.AddDays(d), 9);
                if (spread >= dailySlots - 500)
                {
                    Visit(dailyTargets[t], from.AddDays(d), 15);
                }
            }
        }
        foreach (var monday in mondays)
        {
            Visit(weeklyTargets[0], monday.AddDays(2), 10);
            Visit(weeklyTargets[1], monday.AddDays(6), 22);
        }
        for (var m = 0; m < 12; m++)
        {
            foreach (var target in monthlyTargets)
            {
                Visit(target, from.AddMonths(m).AddDays(target.Length % 27), 11);
            }
        }
        Assert.InRange(misses, 1, dailySlots - 500); // the misses fit in the daily slots, apart from those visited twice
        var patrols = await api.PostText("/api/v1/import/patrols?wait=true", visits.ToString(), "application/x-ndjson");
        Assert.True(patrols.Status == HttpStatusCode.OK, patrols.ToString());
        Assert.Equal(visitCount, patrols.Json["imported"]!.GetValue<int>());

        // ---- the cases: 17,033 accepted, 16,871 of them handled (a tenth of those late), 150 rejected ----
        var cases = new StringBuilder();
        var caseGrids = grids.Select(g => g.Grid).ToArray();
        var perMonth = new Dictionary<(string Month, string Street), (int Cases, int Handled, int OnTime, int Closed)>();
        for (var i = 0; i < Accepted + Rejected; i++)
        {
            var day = from.AddDays(i % days);
            var grid = caseGrids[i % caseGrids.Length];
            var reported = new DateTimeOffset(day.ToDateTime(new TimeOnly(8 + (i % 10), 0)), Shanghai);
            var rejected = i >= Accepted;
            var handled = !rejected && i < Handled;
            var late = handled && i % 10 == 0;
            var closed = handled && i % 7 != 0;
            var record = new Dictionary<string, object?>
            {
                ["center"] = "ZZ-OLD",
                ["sourceId"] = $"case-{i}",
                ["unit"] = grid,
                ["category"] = "dumping",
                ["severity"] = "minor",
                ["reportedAt"] = T(reported),
                ["acceptedAt"] = rejected ? null : T(reported.AddMinutes(5)),
                ["dispatchedAt"] = handled ? T(reported.AddMinutes(20)) : null,
                ["resolvedAt"] = handled ? T(reported.AddHours(late ? 30 : 2)) : null,
                ["closedAt"] = closed ? T(reported.AddHours(late ? 31 : 3)) : null,
                ["rejectedAt"] = rejected ? T(reported.AddMinutes(10)) : null,
            };
            cases.Append(JsonSerializer.Serialize(record.Where(p => p.Value is not null).ToDictionary())).Append('\n');
            if (!rejected)
            {
                var key = (day.ToString("yyyy-MM", CultureInfo.InvariantCulture), YearCity.StreetOf(grid));
                var c = perMonth.GetValueOrDefault(key);
                perMonth[key] = (c.Cases + 1, c.Handled + (handled ? 1 : 0), c.OnTime + (handled && !late ? 1 : 0), c.Closed + (closed ? 1 : 0));
            }
        }
        var imported = await api.PostText("/api/v1/import/cases?wait=true", cases.ToString(), "application/x-ndjson");
        Assert.True(imported.Status == HttpStatusCode.OK, imported.ToString());
        Assert.Equal(Accepted + Rejected, imported.Json["imported"]!.GetValue<int>());

        // ---- the year, as published ----
        var year = (await api.Get($"/api/v1/units/{YearCity.District}/stats?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}")).Json;
        Assert.Equal((Accepted, Handled, Rejected), (year["raised"]!.GetValue<int>(), year["handled"]!.GetValue<int>(), year["rejected"]!.GetValue<int>()));
        Assert.Equal(0.9905, year["handlingRate"]!.GetValue<double>());
        Assert.Equal((planned, done), (year["patrolTargets"]!.GetValue<int>(), year["patrolled"]!.GetValue<int>()));
        Assert.Equal(0.9312, year["patrolRate"]!.GetValue<double>());

        // ---- each month's assessment of the two streets: the month's own quotients ----
        for (var m = 0; m < 12; m++)
        {
            var month = from.AddMonths(m).ToString("yyyy-MM", CultureInfo.InvariantCulture);
            var items = (await api.Get($"/api/v1/units/{YearCity.District}/assessment?month={month}")).Json["items"]!.AsArray();
            foreach (var street in new[] { YearCity.Daily, YearCity.Other })
            {
                var expected = perMonth[(month, street)];
                var row = items.Single(r => r!["code"]!.GetValue<string>() == street)!;
                Assert.Equal(
                    (expected.Cases, expected.Handled, Rate(expected.OnTime, expected.Cases), Rate(expected.Closed, expected.Cases)),
                    (row["cases"]!.GetValue<int>(), row["handled"]!.GetValue<int>(), row["onTimeRate"]!.GetValue<double?>(), row["closedRate"]!.GetValue<double?>()));
            }
        }
    }
}

public sealed class PublishedYearOnMemoryTests(YearHost host) : PublishedYearTests(host), IClassFixture<YearHost>;

public sealed class PublishedYearOnPostgresTests(YearPostgresHost host) : PublishedYearTests(host), IClassFixture<YearPostgresHost>;
