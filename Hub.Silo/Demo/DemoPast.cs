using System.Text.Json;
using Hub.Dashboard.Import;
using Hub.Dashboard.Wire;
using Hub.Grains.History;
using Hub.Grains.Time;
using Hub.Grains.Topology;

namespace Hub.Silo.Demo;

/// <summary>
/// The demo city's last 30 days, so the 30-day chart, the month's assessment and the rates have
/// something to show the moment a newcomer opens the wall. Brought in as a district brings its old
/// platform's history: records checked by the import's own rules and written by the history import.
/// The same days make the same records, so a restart adds nothing twice.
/// </summary>
public sealed class DemoPast(TopologyCatalog topology, IHistoryImport history, CaseLimits limits, HubClock clock, ILogger<DemoPast> logger) : BackgroundService
{
    public const int Days = 30;
    public const string Center = "DEMO-PAST";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (topology.Current.Tops.Count == 0)
            {
                await Task.Delay(200, stoppingToken);
            }
            var index = topology.Current;
            var today = clock.Today;
            var now = clock.Now;
            var cases = await history.ImportCases(
                Checked(DemoPastRecords.Cases(index, today, Days, clock), f => CaseImport.Read(f, index, limits, now)), cancellationToken: stoppingToken);
            var visits = await history.ImportPatrols(
                Checked(DemoPastRecords.Visits(index, today, Days, clock), f => PatrolImport.Read(f, index, clock.DayOf, now)), cancellationToken: stoppingToken);
            logger.LogInformation("Demo history: the last {Days} days, {Cases} cases and {Visits} patrol visits new", Days, cases, visits);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        catch (Exception e)
        {
            logger.LogError(e, "The demo's history could not be imported");
        }
    }

    private static async IAsyncEnumerable<T> Checked<T>(IEnumerable<JsonElement> records, Func<JsonFields, T?> read)
        where T : class
    {
        foreach (var record in records)
        {
            var errors = new List<string>();
            if (read(new JsonFields(record, "demo", errors)) is { } item)
            {
                yield return item;
            }
            else
            {
                throw new InvalidOperationException("a demo history record does not pass the import's rules: " + string.Join("; ", errors));
            }
        }
        await Task.CompletedTask;
    }
}
