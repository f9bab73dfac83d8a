using System.Net;
using System.Text.Json.Nodes;
using Hub.Grains.Field;
using Hub.Tests.Support;
using static Hub.Tests.Support.Reports;

namespace Hub.Tests.Http;

/// <summary>The field page's API and grid workers' accounts, through HTTP; each test its own grid and worker.</summary>
public class FieldTests(HubHost host) : IClassFixture<HubHost>
{
    private const string Password = "field-worker-password-1";

    private static readonly byte[] Photo = TestImages.Png(64, 48, (200, 40, 40));

    [Fact]
    public async Task A_worker_account_names_a_worker_of_the_topology_and_is_scoped_to_their_grid()
    {
        var ok = await host.Api.Post("/api/v1/users", new { user = "w-account", password = Password, role = "worker", worker = TestCity.Worker(2, 2, 2) });
        Assert.Equal(HttpStatusCode.Created, ok.Status);
        Assert.Equal((TestCity.Grid(2, 2), TestCity.Worker(2, 2, 2)), (ok.Json["scope"]!.GetValue<string>(), ok.Json["worker"]!.GetValue<string>()));
        var me = (await host.As("w-account", Password).Get("/api/v1/auth/me")).Json;
        Assert.Equal(("worker", TestCity.Worker(2, 2, 2), "李娜"), (me["role"]!.GetValue<string>(), me["worker"]!.GetValue<string>(), me["workerName"]!.GetValue<string>()));

        Assert.Equal(["$.worker: required"], await Refused(new { user = "w-none", password = Password, role = "worker" }));
        Assert.Equal(["$.worker: unknown worker 'W-9-9-9'"], await Refused(new { user = "w-unknown", password = Password, role = "worker", worker = "W-9-9-9" }));
        Assert.Equal([$"$.scope: a grid worker's scope is their grid '{TestCity.Grid(2, 2)}'"],
            await Refused(new { user = "w-wide", password = Password, role = "worker", worker = TestCity.Worker(2, 2, 2), scope = TestCity.Street(2) }));
        Assert.Equal(["$.worker: only a user of role 'worker' is a grid worker"],
            await Refused(new { user = "v-worker", password = Password, role = "viewer", scope = TestCity.Street(2), worker = TestCity.Worker(2, 2, 2) }));
        // A worker reads no wall, status or case list: only the field page's own answers.
        var worker = host.As("w-account", Password);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.Get($"/api/v1/units/{TestCity.Grid(2, 2)}/status")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.Get($"/api/v1/alerts?unit={TestCity.Grid(2, 2)}")).Status);
    }

    [Fact]
    public async Task A_worker_sends_only_their_own_check_ins_in_their_grid_each_counted_once()
    {
        var worker = await Worker("w-checkins", TestCity.Worker(2, 3, 1));
        var grid = TestCity.Grid(2, 3);
        var patrol = new { id = Guid.NewGuid().ToString("N"), unit = TestCity.Building(2, 3, 1), kind = "patrol", at = Time(Now) };

        var first = await worker.Post("/api/v1/field/checkins", new[] { patrol });
        var again = await worker.Post("/api/v1/field/checkins", new[] { patrol });
        Assert.Equal((HttpStatusCode.Accepted, 1, 0), (first.Status, first.Json["accepted"]!.GetValue<int>(), first.Json["duplicates"]!.GetValue<int>()));
        Assert.Equal((HttpStatusCode.Accepted, 0, 1), (again.Status, again.Json["accepted"]!.GetValue<int>(), again.Json["duplicates"]!.GetValue<int>()));
        await Eventually.Within(TimeSpan.FromSeconds(5), () => host.Api.Status(grid), s => s["today"]!["checkins"]!.GetValue<int>() == 1, "counted once");

        var elsewhere = await worker.Post("/api/v1/field/checkins", new[] { patrol with { id = "x1", unit = TestCity.Building(2, 4, 1) } });
        Assert.Equal(HttpStatusCode.Forbidden, elsewhere.Status);
        var someoneElse = await worker.Post("/api/v1/field/checkins", new[] { new { id = "x2", worker = TestCity.Worker(2, 3, 2), unit = grid, kind = "start", at = Time(Now) } });
        Assert.Equal(HttpStatusCode.Forbidden, someoneElse.Status);
        Assert.Equal([$"[0].worker: a grid worker sends their own check-ins only ('{TestCity.Worker(2, 3, 1)}')"],
            someoneElse.Json["errors"]!.AsArray().Select(e => e!.GetValue<string>()));
        var noId = await worker.Post("/api/v1/field/checkins", new[] { new { unit = grid, kind = "start", at = Time(Now) } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noId.Status);
        Assert.Equal(["[0].id: required"], noId.Json["errors"]!.AsArray().Select(e => e!.GetValue<string>()));
        // Nothing of the refused ones counted.
        Assert.Equal(1, (await host.Api.Status(grid))["today"]!["checkins"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_report_keeps_up_to_three_photos_and_a_resend_finds_the_case_it_made()
    {
        var worker = await Worker("w-reports", TestCity.Worker(2, 4, 1));
        var unit = TestCity.Building(2, 4, 2);
        var report = Report(unit, Enumerable.Repeat(TestImages.DataUrl(Photo), 3));

        var first = await worker.Post("/api/v1/field/reports", report);
        Assert.Equal(HttpStatusCode.Accepted, first.Status);
        Assert.Equal(("created", 3), (first.Json["outcome"]!.GetValue<string>(), first.Json["photos"]!.GetValue<int>()));
        var id = first.Json["alertId"]!.GetValue<string>();
        var again = await worker.Post("/api/v1/field/reports", report);
        Assert.Equal((id, "duplicate"), (again.Json["alertId"]!.GetValue<string>(), again.Json["outcome"]!.GetValue<string>()));

        var alert = (await host.Api.Get($"/api/v1/alerts/{id}")).Json;
        Assert.Equal(("field", unit, "垃圾乱倒"), (alert["source"]!.GetValue<string>(), alert["unit"]!.GetValue<string>(), alert["title"]!.GetValue<string>()));
        var photos = (await host.Api.Get($"/api/v1/alerts/{id}/photos")).Json["photos"]!.AsArray();
        Assert.Equal([1, 2, 3], photos.Select(p => p!["number"]!.GetValue<int>()));
        Assert.All(photos, p => Assert.Equal(("report", "image/png", Photo.Length, "w-reports"),
            (p!["kind"]!.GetValue<string>(), p["contentType"]!.GetValue<string>(), p["length"]!.GetValue<int>(), p["by"]!.GetValue<string>())));
        Assert.Equal(Photo, await host.Api.GetBytes($"/api/v1/alerts/{id}/photos/2"));
        Assert.Equal(HttpStatusCode.NotFound, (await host.Api.Get($"/api/v1/alerts/{id}/photos/4")).Status);
    }

    [Fact]
    public async Task A_report_with_a_fourth_photo_or_one_that_is_not_an_image_or_too_large_is_refused_whole()
    {
        var worker = await Worker("w-refused", TestCity.Worker(2, 5, 1));
        var unit = TestCity.Building(2, 5, 1);
        var largest = new byte[PhotoRules.MaxBytes];
        Photo.CopyTo(largest, 0);

        Assert.Equal(["photos: 4 photos; at most 3"], await RefusedReport(worker, Report(unit, Enumerable.Repeat(TestImages.DataUrl(Photo), 4))));
        Assert.Equal(["photos[1]: is not a JPEG, PNG or WebP image"],
            await RefusedReport(worker, Report(unit, [TestImages.DataUrl(Photo), "data:image/png;base64," + Convert.ToBase64String("not an image"u8.ToArray())])));
        Assert.Equal(["photos[0]: is larger than 2 MiB"], await RefusedReport(worker, Report(unit, [TestImages.DataUrl([.. largest, 0])])));
        // At the limit it is kept.
        var atLimit = await worker.Post("/api/v1/field/reports", Report(unit, [TestImages.DataUrl(largest)]));
        Assert.Equal((HttpStatusCode.Accepted, 1), (atLimit.Status, atLimit.Json["photos"]!.GetValue<int>()));
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.Post("/api/v1/field/reports", Report(TestCity.Building(1, 5, 1), []))).Status);
        // Only the one at the limit made a case.
        Assert.Single((await host.Api.Get($"/api/v1/alerts?unit={unit}")).Json["items"]!.AsArray());
    }

    [Fact]
    public async Task A_worker_verifies_a_fix_in_their_grid_once_however_often_it_is_sent()
    {
        var worker = await Worker("w-verify", TestCity.Worker(2, 6, 1));
        var id = await Resolved(TestCity.Grid(2, 6));
        var day = (await worker.Get("/api/v1/field/me")).Json;
        Assert.Equal([id], day["toVerify"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()));
        Assert.Equal(TestCity.Grid(2, 6), day["grid"]!.GetValue<string>());

        var check = new { id = Guid.NewGuid().ToString("N"), alert = id, passed = true, note = "已修复", photo = TestImages.DataUrl(Photo) };
        var first = await worker.Post("/api/v1/field/verifications", check);
        var again = await worker.Post("/api/v1/field/verifications", check);
        Assert.Equal((HttpStatusCode.OK, "verified"), (first.Status, first.Json["state"]!.GetValue<string>()));
        Assert.Equal((HttpStatusCode.OK, "verified"), (again.Status, again.Json["state"]!.GetValue<string>()));
        Assert.Single((await host.Api.Get($"/api/v1/alerts/{id}/photos")).Json["photos"]!.AsArray());
        Assert.Empty((await worker.Get("/api/v1/field/me")).Json["toVerify"]!.AsArray());

        // Another grid's case is not the worker's to check, nor to know of.
        var foreign = await Resolved(TestCity.Grid(1, 6));
        Assert.Equal(HttpStatusCode.NotFound, (await worker.Post("/api/v1/field/verifications", check with { id = "other", alert = foreign })).Status);
    }

    [Fact]
    public async Task An_enrolment_code_works_once_for_a_day_and_five_wrong_codes_void_it()
    {
        var worker = TestCity.Worker(1, 6, 2);
        var issued = await host.Api.Post($"/api/v1/workers/{worker}/enrolment", new { });
        var code = issued.Json["code"]!.GetValue<string>();
        Assert.InRange(DateTimeOffset.Parse(issued.Json["expiresAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) - DateTimeOffset.UtcNow,
            TimeSpan.FromHours(23.9), TimeSpan.FromHours(24));
        var anonymous = host.Anonymous();
        var enrolled = await anonymous.Post("/api/v1/auth/enrol", new { worker, code, password = Password });
        Assert.Equal((HttpStatusCode.OK, "worker", TestCity.Grid(1, 6)), (enrolled.Status, enrolled.Json["role"]!.GetValue<string>(), enrolled.Json["scope"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.OK, (await host.As(worker, Password).Get("/api/v1/field/me")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.Post("/api/v1/auth/enrol", new { worker, code, password = Password })).Status);

        // Four wrong codes leave the right one working; the fifth voids it.
        var second = (await host.Api.Post($"/api/v1/workers/{worker}/enrolment", new { })).Json["code"]!.GetValue<string>();
        var wrong = second == "00000000" ? "00000001" : "00000000";
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.Post("/api/v1/auth/enrol", new { worker, code = wrong, password = Password })).Status);
        }
        Assert.Equal(HttpStatusCode.OK, (await anonymous.Post("/api/v1/auth/enrol", new { worker, code = second, password = "another-password-12" })).Status);
        var third = (await host.Api.Post($"/api/v1/workers/{worker}/enrolment", new { })).Json["code"]!.GetValue<string>();
        for (var i = 0; i < 5; i++)
        {
            await anonymous.Post("/api/v1/auth/enrol", new { worker, code = third == "00000000" ? "00000001" : "00000000", password = Password });
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.Post("/api/v1/auth/enrol", new { worker, code = third, password = Password })).Status);
        // An unknown worker is answered as a wrong code is.
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.Post("/api/v1/auth/enrol", new { worker = "W-9-9-9", code = third, password = Password })).Status);
    }

    private async Task<Api> Worker(string user, string worker)
    {
        var created = await host.Api.Post("/api/v1/users", new { user, password = Password, role = "worker", worker });
        Assert.True(created.Status == HttpStatusCode.Created, created.ToString());
        return host.As(user, Password);
    }

    private async Task<IReadOnlyList<string>> Refused(object user)
    {
        var answer = await host.Api.Post("/api/v1/users", user);
        Assert.True(answer.Status == HttpStatusCode.UnprocessableEntity, answer.ToString());
        return [.. answer.Json["errors"]!.AsArray().Select(e => e!.GetValue<string>())];
    }

    private static async Task<IReadOnlyList<string>> RefusedReport(Api worker, object report)
    {
        var answer = await worker.Post("/api/v1/field/reports", report);
        Assert.True(answer.Status == HttpStatusCode.UnprocessableEntity, answer.ToString());
        return [.. answer.Json["errors"]!.AsArray().Select(e => e!.GetValue<string>())];
    }

    private static JsonObject Report(string unit, IEnumerable<string> photos) => new()
    {
        ["sourceId"] = Guid.NewGuid().ToString("N"),
        ["unit"] = unit,
        ["category"] = "dumping",
        ["severity"] = "minor",
        ["at"] = Time(Now),
        ["title"] = "垃圾乱倒",
        ["detail"] = "楼下垃圾堆放",
        ["photos"] = new JsonArray([.. photos.Select(p => (JsonNode)p)]),
    };

    private async Task<string> Resolved(string unit)
    {
        var id = await host.Api.Raise(Alert(unit, severity: "minor", category: "dumping"));
        foreach (var (action, body) in new (string, object)[] { ("ack", new { }), ("dispatch", new { assignee = "张伟" }), ("resolve", new { note = "已清运" }) })
        {
            Assert.Equal(HttpStatusCode.OK, (await host.Api.Post($"/api/v1/alerts/{id}/{action}", body)).Status);
        }
        return id;
    }
}
