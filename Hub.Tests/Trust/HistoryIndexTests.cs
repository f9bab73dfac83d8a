using Hub.Silo.Storage.Postgres;
using Hub.Tests.Support;
using Npgsql;

namespace Hub.Tests.Trust;

/// <summary>
/// Charts of a whole city read a time range, and every row's path holds the city: without an index
/// on the range, each chart would read every check-in ever stored. PostgreSQL's own plan for the
/// queries the hub makes, over a year of history, says which it does.
/// </summary>
public class HistoryIndexTests(PostgresHubHost host) : IClassFixture<PostgresHubHost>
{
    private async Task<string> Plan(string query, Action<NpgsqlParameterCollection> bind)
    {
        await host.Api.Status(TestCity.City); // the hub is up: its schema is applied
        await using var connection = new NpgsqlConnection(host.ConnectionString);
        await connection.OpenAsync();
        await using (var fill = new NpgsqlCommand("""
            INSERT INTO hub_checkins (grid, id, worker, unit, path, kind, at, day, target)
            SELECT 'D1-S1-C1-G1', 'history-' || n, 'W-1-1-1', 'D1-S1-C1-G1-B1', ARRAY['T','D1','D1-S1','D1-S1-C1','D1-S1-C1-G1','D1-S1-C1-G1-B1'],
                   'patrol', now() - n * interval '4 minutes', (now() - n * interval '4 minutes')::date, 'D1-S1-C1-G1-B1'
            FROM generate_series(1, 144000) AS n
            ON CONFLICT DO NOTHING;
            ANALYZE hub_checkins;
            """, connection))
        {
            await fill.ExecuteNonQueryAsync();
        }
        await using var explain = new NpgsqlCommand("EXPLAIN " + query, connection);
        bind(explain.Parameters);
        var lines = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }
        return string.Join('\n', lines);
    }

    [Fact]
    public async Task A_city_s_day_of_hours_reads_the_range_from_an_index_not_every_check_in()
    {
        var plan = await Plan(HistoryQueries.Hours, p =>
        {
            p.AddWithValue("unit", TestCity.City);
            p.AddWithValue("first", DateTime.UtcNow.AddHours(-24));
            p.AddWithValue("end", DateTime.UtcNow);
        });
        Assert.DoesNotContain("Seq Scan on hub_checkins", plan, StringComparison.Ordinal);
        Assert.Contains("hub_checkins_at", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_city_s_week_of_days_reads_the_range_from_an_index_not_every_check_in()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var plan = await Plan(HistoryQueries.Days, p =>
        {
            p.AddWithValue("unit", TestCity.City);
            p.AddWithValue("first", today.AddDays(-6));
            p.AddWithValue("last", today);
        });
        Assert.DoesNotContain("Seq Scan on hub_checkins", plan, StringComparison.Ordinal);
        Assert.Contains("hub_checkins_day", plan, StringComparison.Ordinal);
    }
}
