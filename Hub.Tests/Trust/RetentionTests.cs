using Hub.Tests.Support;
using Npgsql;
using static Hub.Tests.Support.Reports;

namespace Hub.Tests.Trust;

/// <summary>A hub that keeps 30 days of history and 20 of photos, and looks for older every 3 seconds.</summary>
public sealed class ShortRetentionHost : PostgresHubHost
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings() =>
        base.Settings().Concat([
            new("Hub:History:RetentionDays", "30"), new("Hub:History:PruneEveryMinutes", "0.05"), new("Hub:History:PruneBatch", "100"),
            new("Hub:Photos:RetentionDays", "20"),
        ]);
}

/// <summary>Bounded growth: history older than <c>Hub:History:RetentionDays</c> is removed in batches; an active alert never is.</summary>
public class RetentionTests(ShortRetentionHost host) : IClassFixture<ShortRetentionHost>
{
    private static async Task<long> Count(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task History_past_the_retention_goes_in_batches_and_active_alerts_and_recent_history_stay()
    {
        // Recent history, through the API.
        var grid = TestCity.Grid(1, 2);
        await host.Api.Checkins(Checkin(TestCity.Worker(1, 2, 1), grid, "patrol", id: "recent"));
        var recentAlert = await host.Api.Raise(Alert(grid, severity: "minor"));

        // Old history, as a year-old database holds it: 450 check-ins of 31-40 days ago (more than
        // four batches), a handled alert and an active one of 60 days ago, with their events.
        await using var connection = new NpgsqlConnection(host.ConnectionString);
        await connection.OpenAsync();
        await using (var old = new NpgsqlCommand("""
            INSERT INTO hub_checkins (grid, id, worker, unit, path, kind, at, day, target)
            SELECT 'D1-S1-C1-G2', 'old-' || n, 'W-1-2-1', 'D1-S1-C1-G2', ARRAY['T','D1','D1-S1','D1-S1-C1','D1-S1-C1-G2'], 'patrol',
                   now() - (31 + n % 10) * interval '1 day', (now() - (31 + n % 10) * interval '1 day')::date, 'D1-S1-C1-G2'
            FROM generate_series(1, 450) AS n;
            INSERT INTO hub_alerts (id, source, source_id, unit, path, category, severity, at, day, last_at, occurrences, state, cleared,
                                    last_by, changed_at, owner, version)
            SELECT 'OLD-' || s, 'ZZ-T', 'old-' || s, 'D1-S1-C1-G2', ARRAY['T','D1','D1-S1','D1-S1-C1','D1-S1-C1-G2'], 'fire', 'minor',
                   now() - interval '60 days', (now() - interval '60 days')::date, now() - interval '60 days', 1, s, false,
                   'admin', now() - interval '59 days', 'D1-S1-C1-G2', 3
            FROM unnest(ARRAY['resolved', 'raised']) AS s;
            INSERT INTO hub_alert_events (alert_id, at, by, action, to_state, version)
            SELECT 'OLD-' || s, now() - interval '60 days', 'admin', 'raised', 'raised', 1 FROM unnest(ARRAY['resolved', 'raised']) AS s;
            """, connection))
        {
            await old.ExecuteNonQueryAsync();
        }

        await Eventually.Within(TimeSpan.FromSeconds(30), () => Count(connection, "SELECT count(*) FROM hub_checkins WHERE id LIKE 'old-%'"),
            n => n == 0, "old check-ins removed");
        await Eventually.Within(TimeSpan.FromSeconds(10), () => Count(connection, "SELECT count(*) FROM hub_alerts WHERE id = 'OLD-resolved'"),
            n => n == 0, "the old handled alert removed");
        Assert.Equal(0, await Count(connection, "SELECT count(*) FROM hub_alert_events WHERE alert_id = 'OLD-resolved'"));
        Assert.Equal(1, await Count(connection, "SELECT count(*) FROM hub_alerts WHERE id = 'OLD-raised'"));
        Assert.Equal(1, await Count(connection, "SELECT count(*) FROM hub_alert_events WHERE alert_id = 'OLD-raised'"));
        Assert.Equal(1, await Count(connection, "SELECT count(*) FROM hub_checkins WHERE id = 'recent'"));
        Assert.Equal(1, await Count(connection, $"SELECT count(*) FROM hub_alerts WHERE id = '{recentAlert}'"));
    }

    [Fact]
    public async Task Photos_past_their_retention_go_in_batches_and_younger_ones_stay()
    {
        // The hub up, its schema laid; then 120 photos of 25 days ago (more than two batches of 50)
        // and 2 of 15 days ago, as field reports store them.
        Assert.Equal(System.Net.HttpStatusCode.OK, (await host.Api.Get("/api/v1/auth/me")).Status);
        await using var connection = new NpgsqlConnection(host.ConnectionString);
        await connection.OpenAsync();
        await using (var old = new NpgsqlCommand("""
            INSERT INTO hub_case_photos (alert_id, item, n, kind, content_type, bytes, at, by_user)
            SELECT 'PHOTO-OLD', 'r' || (n / 3), n % 3 + 1, 'report', 'image/jpeg', decode('ffd8ff00', 'hex'), now() - interval '25 days', 'w1'
            FROM generate_series(0, 119) AS n;
            INSERT INTO hub_case_photos (alert_id, item, n, kind, content_type, bytes, at, by_user)
            SELECT 'PHOTO-YOUNG', 'r1', n, 'report', 'image/jpeg', decode('ffd8ff00', 'hex'), now() - interval '15 days', 'w1'
            FROM generate_series(1, 2) AS n;
            """, connection))
        {
            await old.ExecuteNonQueryAsync();
        }

        await Eventually.Within(TimeSpan.FromSeconds(30), () => Count(connection, "SELECT count(*) FROM hub_case_photos WHERE alert_id = 'PHOTO-OLD'"),
            n => n == 0, "the old photos removed");
        Assert.Equal(2, await Count(connection, "SELECT count(*) FROM hub_case_photos WHERE alert_id = 'PHOTO-YOUNG'"));
    }
}
