using System.Net;
using Hub.Tests.Support;
using Xunit.Abstractions;
using static Hub.Tests.Support.Reports;

namespace Hub.Tests.Trust;

/// <summary>
/// Fault drill, hostile text, against a real PostgreSQL: every control character, lone surrogates
/// and megabyte strings in every text and id field get a 422 naming the field; nothing of them is
/// stored, and a center sending good batches at the same moment is not disturbed. Before, U+0000
/// passed validation and PostgreSQL refused it: 503, and the group commit failed for everyone in it.
/// </summary>
public class HostileTextTests(PostgresHubHost host, ITestOutputHelper output) : IClassFixture<PostgresHubHost>
{
    private static readonly string[] CheckinFields = ["id", "worker", "unit", "kind", "at"];
    private static readonly string[] AlertText = ["source", "sourceId", "category", "title", "detail"];
    private static readonly string[] AlertFields = [.. AlertText, "unit", "device", "severity", "at"];

    /// <summary>Every C0 control character, and the two noncharacters.</summary>
    private static IEnumerable<char> ControlCharacters => Enumerable.Range(0, 32).Select(c => (char)c).Append('\uFFFE').Append('\uFFFF');

    private static Dictionary<string, object?> CheckinItem(int grid, string? id = null) => new()
    {
        ["id"] = id ?? Guid.NewGuid().ToString("N"),
        ["worker"] = TestCity.Worker(1, grid, 1),
        ["unit"] = TestCity.Grid(1, grid),
        ["kind"] = "patrol",
        ["at"] = Time(Now),
    };

    private static Dictionary<string, object?> AlertItem(int grid) => new()
    {
        ["source"] = "ZZ-T",
        ["sourceId"] = Guid.NewGuid().ToString("N"),
        ["unit"] = TestCity.Grid(1, grid),
        ["category"] = "fire",
        ["severity"] = "minor",
        ["at"] = Time(Now),
        ["title"] = "烟火识别",
        ["detail"] = "3号楼东侧",
    };

    [Fact]
    public async Task A_nul_in_a_check_in_id_or_an_alert_title_is_a_422_naming_the_field_not_a_503()
    {
        var checkin = CheckinItem(1, id: "c-\u0000-1");
        var refused = await host.Api.Post("/api/v1/checkins", new[] { CheckinItem(1), checkin });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Contains(refused.Errors, e => e.StartsWith("[1].id: contains the control character U+0000", StringComparison.Ordinal));

        var alert = AlertItem(1);
        alert["title"] = "烟火\u0000识别";
        var refusedAlert = await host.Api.Post("/api/v1/alerts", new[] { alert });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refusedAlert.Status);
        Assert.Contains(refusedAlert.Errors, e => e.StartsWith("[0].title: contains the control character U+0000", StringComparison.Ordinal));

        var status = await host.Api.Status(TestCity.Grid(1, 1));
        Assert.Equal((0, 0), (status["today"]!["checkins"]!.GetValue<int>(), status["alerts"]!["active"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Hostile_text_in_every_field_is_refused_whole_while_a_good_center_goes_on_undisturbed()
    {
        var hostileGrid = 2;
        var goodGrid = 3;
        var before = await host.Api.Status(TestCity.Grid(1, hostileGrid));

        // The good center: batches of check-ins with ids, all the while.
        using var stop = new CancellationTokenSource();
        var goodIds = new List<string>();
        var goodAnswers = new List<HttpStatusCode>();
        var good = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var batch = Enumerable.Range(0, 5).Select(_ => CheckinItem(goodGrid)).ToArray();
                var answer = await host.Api.Post("/api/v1/checkins", batch);
                lock (goodIds)
                {
                    goodAnswers.Add(answer.Status);
                    goodIds.AddRange(batch.Select(b => (string)b["id"]!));
                }
            }
        });

        var refusals = 0;
        foreach (var c in ControlCharacters)
        {
            foreach (var field in CheckinFields)
            {
                var item = CheckinItem(hostileGrid);
                item[field] = $"{item[field]}{c}";
                await Refused("/api/v1/checkins", new[] { CheckinItem(hostileGrid), item }, $"[1].{field}: ", c);
                refusals++;
            }
            foreach (var field in AlertFields)
            {
                var item = AlertItem(hostileGrid);
                item[field] = $"{item.GetValueOrDefault(field) ?? TestCity.Camera(1, hostileGrid)}{c}";
                var allowed = field == "detail" && c is '\t' or '\n' or '\r';
                if (!allowed)
                {
                    await Refused("/api/v1/alerts", new[] { AlertItem(hostileGrid), item }, $"[1].{field}: ", c);
                    refusals++;
                }
            }
        }
        // Lone surrogates and megabyte strings, as raw JSON (a serializer would not write the first).
        foreach (var field in AlertText)
        {
            var withLone = AlertItem(hostileGrid);
            withLone[field] = "LONE";
            var raw = System.Text.Json.JsonSerializer.Serialize(new[] { withLone }).Replace("LONE", "a\\ud800b", StringComparison.Ordinal);
            var lone = await host.Api.PostRaw("/api/v1/alerts", raw);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, lone.Status);
            Assert.Contains(lone.Errors, e => e == $"[0].{field}: is not valid Unicode");
            var item = AlertItem(hostileGrid);
            item[field] = new string('x', 1 << 20);
            var huge = await host.Api.Post("/api/v1/alerts", new[] { item });
            // A megabyte: under the body's limit, over every field's.
            Assert.Equal(HttpStatusCode.UnprocessableEntity, huge.Status);
            Assert.Contains(huge.Errors, e => e.StartsWith($"[0].{field}: longer than", StringComparison.Ordinal));
            refusals += 2;
        }
        var tooBig = await host.Api.PostRaw("/api/v1/alerts", "[\"" + new string('x', 5 << 20) + "\"]");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooBig.Status);

        await stop.CancelAsync();
        await good;

        var after = await host.Api.Status(TestCity.Grid(1, hostileGrid));
        Assert.Equal(before["today"]!.ToJsonString(), after["today"]!.ToJsonString());
        Assert.Equal(before["alerts"]!.ToJsonString(), after["alerts"]!.ToJsonString());
        Assert.All(goodAnswers, s => Assert.Equal(HttpStatusCode.Accepted, s));
        Assert.NotEmpty(goodIds);
        await Eventually.Within(TimeSpan.FromSeconds(2), () => host.Api.Status(TestCity.Grid(1, goodGrid)),
            s => s["today"]!["checkins"]!.GetValue<int>() == goodIds.Count, "every good check-in counted");
        output.WriteLine($"{refusals} hostile batches refused with 422 or 413; {goodAnswers.Count} good batches ({goodIds.Count} check-ins) at the same time, all 202 and counted");
    }

    private async Task Refused(string path, object body, string field, char c)
    {
        var answer = await host.Api.Post(path, body);
        Assert.True(answer.Status == HttpStatusCode.UnprocessableEntity, $"U+{(int)c:X4} in {field}: {answer}");
        Assert.Contains(answer.Errors, e => e.StartsWith(field, StringComparison.Ordinal));
    }
}
