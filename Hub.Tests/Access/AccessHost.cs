using System.Net;
using Hub.Tests.Support;
using static Hub.Tests.Support.Reports;

namespace Hub.Tests.Access;

/// <summary>
/// A hub with one person of each role and one center key, all scoped to street 1 of the test city;
/// street 2 is the foreign jurisdiction. Each side has a raised alert.
/// </summary>
public sealed class AccessHost : HubHost, IAsyncLifetime
{
    public const string Password = "scoped-user-password-1";

    public static readonly string Scope = TestCity.Street(1);
    public static readonly string Foreign = TestCity.Street(2);

    public static readonly string[] Roles = ["viewer", "officer", "leader", "admin", "department", "worker"];

    /// <summary>The grid worker's account: worker 1 of grid 1 of street 1, scoped to that grid.</summary>
    public static readonly string WorkerId = TestCity.Worker(1, 1, 1);

    public Dictionary<string, Api> People { get; } = [];

    public Api Center { get; private set; } = null!;

    public string CenterKey { get; private set; } = "";

    public string InsideAlert { get; private set; } = "";

    public string ForeignAlert { get; private set; } = "";

    /// <summary>A case on each side whose police station is summoned (吹哨): what a department's user may see and work.</summary>
    public (string Inside, string Foreign) WhistledCases { get; private set; }

    /// <summary>Cases for the closed loop's actions (reject ends a case), apart from the alerts others read.</summary>
    public (string Inside, string Foreign) Cases { get; private set; }

    /// <summary>A user and a key on each side (scope, foreign) that tests may disable, reset and revoke at will.</summary>
    public (string Inside, string Foreign) SpareUsers { get; private set; }

    public (string Inside, string Foreign) SpareKeyIds { get; private set; }

    /// <summary>A case in the grid worker's grid and one in street 2, for 核查 from the field.</summary>
    public (string Inside, string Foreign) FieldCases { get; private set; }

    public static string UserOf(string role) => $"s1-{role}";

    protected override IEnumerable<KeyValuePair<string, string>> Settings() =>
    [
        new("Hub:Auth:SignInsPerMinute", "10000"),
        new("Hub:Auth:KeyBurst", "10000"),
    ];

    public async Task InitializeAsync()
    {
        foreach (var role in Roles)
        {
            // The department's user works for street 1's police station, in the street it serves.
            // The grid worker is worker 1 of street 1's first grid, scoped to that grid.
            await CreateUser(UserOf(role), role, role == "worker" ? TestCity.Grid(1, 1) : Scope,
                department: role == "department" ? TestCity.Police(1) : null, worker: role == "worker" ? WorkerId : null);
            People[role] = As(UserOf(role), Password);
        }
        CenterKey = await CreateKey("ZZ-S1", Scope);
        Center = WithKey(CenterKey);
        // Raised by the center itself: a center may clear only its own alerts.
        InsideAlert = await Center.Raise(Alert(TestCity.Grid(1, 6), severity: "minor", category: "inside"));
        ForeignAlert = await Api.Raise(Alert(TestCity.Grid(2, 6), severity: "minor", category: "foreign"));
        Cases = (await Api.Raise(Alert(TestCity.Grid(1, 5), severity: "minor", category: "case")), await Api.Raise(Alert(TestCity.Grid(2, 5), severity: "minor", category: "case")));
        WhistledCases = (await Whistled(TestCity.Grid(1, 4), TestCity.Police(1)), await Whistled(TestCity.Grid(2, 4), TestCity.Police(2)));
        await CreateUser("spare-inside", "viewer", Scope);
        await CreateUser("spare-foreign", "viewer", Foreign);
        SpareUsers = ("spare-inside", "spare-foreign");
        FieldCases = (await Api.Raise(Alert(TestCity.Grid(1, 1), severity: "minor", category: "field")), await Api.Raise(Alert(TestCity.Grid(2, 1), severity: "minor", category: "field")));
        SpareKeyIds = ((await CreateKey("ZZ-SPARE", Scope)).Split('_')[1], (await CreateKey("ZZ-SPARE", Foreign)).Split('_')[1]);
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    public async Task CreateUser(string user, string role, string scope, string password = Password, string? department = null, string? worker = null)
    {
        var created = await Api.Post("/api/v1/users", new { user, password, role, scope, department, worker });
        Assert.True(created.Status == HttpStatusCode.Created, created.ToString());
    }

    public async Task<string> CreateKey(string center, string scope)
    {
        var created = await Api.Post("/api/v1/apikeys", new { center, scope });
        Assert.True(created.Status == HttpStatusCode.Created, created.ToString());
        return created.Json["key"]!.GetValue<string>();
    }

    private async Task<string> Whistled(string grid, string department)
    {
        var id = await Api.Raise(Alert(grid, severity: "minor", category: "whistled"));
        Assert.Equal(HttpStatusCode.OK, (await Api.Post($"/api/v1/alerts/{id}/ack", new { })).Status);
        var dispatched = await Api.Post($"/api/v1/alerts/{id}/dispatch", new { departments = new[] { department }, note = "吹哨" });
        Assert.True(dispatched.Status == HttpStatusCode.OK, dispatched.ToString());
        return id;
    }
}
