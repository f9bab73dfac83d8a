using System.Net;
using Hub.Tests.Support;
using Npgsql;
using static Hub.Tests.Support.Reports;

namespace Hub.Tests.Trust;

/// <summary>
/// An alert's state and its history are written together: each change is stored with the alert in
/// an outbox that reaches the journal (lists, stats) as soon as the journal takes it again. Before,
/// a journal write that failed after the state write left the alert changed but not in the lists,
/// answering 503 to every later action, and a resend never reached the journal.
/// </summary>
public class AlertOutboxTests(PostgresHubHost host) : IClassFixture<PostgresHubHost>
{
    private async Task Sql(string text)
    {
        await using var connection = new NpgsqlConnection(host.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(text, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<string?> Listed(string id, string unit) =>
        (await host.Api.Get($"/api/v1/alerts?unit={unit}&limit=1000")).Json["items"]!.AsArray()
            .FirstOrDefault(a => a!["id"]!.GetValue<string>() == id)?["state"]?.GetValue<string>();

    [Fact]
    public async Task While_the_journal_refuses_changes_are_acknowledged_and_reach_the_lists_when_it_takes_them_again()
    {
        var grid = TestCity.Grid(1, 6);
        var raisedBefore = await host.Api.Raise(Alert(grid, severity: "major", category: "crowd"));
        Assert.Equal("raised", await Listed(raisedBefore, grid));

        // The journal's tables refuse every new row; grain state is written as before.
        await Sql("ALTER TABLE hub_alert_events ADD CONSTRAINT drill_journal_down CHECK (false) NOT VALID");
        string raisedDuring;
        try
        {
            var ack = await host.Api.Post($"/api/v1/alerts/{raisedBefore}/ack", new { note = "收到" });
            Assert.Equal(HttpStatusCode.OK, ack.Status);
            var dispatched = await host.Api.Post($"/api/v1/alerts/{raisedBefore}/dispatch", new { assignee = "城管", note = "派单" });
            Assert.Equal(HttpStatusCode.OK, dispatched.Status);
            raisedDuring = await host.Api.Raise(Alert(grid, severity: "minor", category: "dumping", sourceId: "outbox-during"));
            var resent = await host.Api.Alerts(Alert(grid, severity: "minor", category: "dumping", sourceId: "outbox-during"));
            Assert.Equal("duplicate", resent.Json["results"]![0]!["outcome"]!.GetValue<string>());

            Assert.Equal("dispatched", (await host.Api.Get($"/api/v1/alerts/{raisedBefore}")).Json["state"]!.GetValue<string>());
            Assert.Equal("raised", await Listed(raisedBefore, grid));
            Assert.Null(await Listed(raisedDuring, grid));
        }
        finally
        {
            await Sql("ALTER TABLE hub_alert_events DROP CONSTRAINT drill_journal_down");
        }

        await Eventually.Within(TimeSpan.FromSeconds(15), () => Listed(raisedBefore, grid), s => s == "dispatched", "the journal catches up with the ack and the dispatch");
        await Eventually.Within(TimeSpan.FromSeconds(15), () => Listed(raisedDuring, grid), s => s == "raised", "the journal catches up with the raise");

        // Every change is in the journal once: no event lost, none twice.
        await using var connection = new NpgsqlConnection(host.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT action FROM hub_alert_events WHERE alert_id = @id ORDER BY version", connection);
        command.Parameters.AddWithValue("id", raisedBefore);
        var actions = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            actions.Add(reader.GetString(0));
        }
        Assert.Equal(["raised", "acknowledged", "dispatched"], actions);
    }
}
