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

    public static readonly string[] Roles = ["viewer", "officer", "leader", "admin"];

    public Dictionary<string, Api> People { get; } = [];

    public Api Center { get; private set; } = null!;

    public string CenterKey { get; private set; } = "";

    public string InsideAlert { get; private set; } = "";

    public string ForeignAlert { get; private set; } = "";

    /// <summary>Cases for the closed loop's actions (reject ends a case), apart from the alerts others read.</summary>
    public (string Inside, string Foreign) Cases { get; private set; }

    /// <summary>A user and a key on each side (scope, foreign) that tests may disable, reset and revoke at will.</summary>
    public (string Inside, string Foreign) SpareUsers { get; private set; }

    public (string Inside, string Foreign) SpareKeyIds { get; private set; }

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
            await CreateUser(UserOf(role), role, Scope);
            People[role] = As(UserOf(role), Password);
        }
        CenterKey = await CreateKey("ZZ-S1", Scope);
        Center = WithKey(CenterKey);
        // Raised by the center itself: a center may clear only its own alerts.
        InsideAlert = await Center.Raise(Alert(TestCity.Grid(1, 6), severity: "minor", category: "inside"));
        ForeignAlert = await Api.Raise(Alert(TestCity.Grid(2, 6), severity: "minor", category: "foreign"));
        Cases = (await Api.Raise(Alert(TestCity.Grid(1, 5), severity: "minor", category: "case")), await Api.Raise(Alert(TestCity.Grid(2, 5), severity: "minor", category: "case")));
        await CreateUser("spare-inside", "viewer", Scope);
        await CreateUser("spare-foreign", "viewer", Foreign);
        SpareUsers = ("spare-inside", "spare-foreign");
        SpareKeyIds = ((await CreateKey("ZZ-SPARE", Scope)).Split('_')[1], (await CreateKey("ZZ-SPARE", Foreign)).Split('_')[1]);
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    public async Task CreateUser(string user, string role, string scope, string password = Password)
    {
        var created = await Api.Post("/api/v1/users", new { user, password, role, scope });
        Assert.True(created.Status == HttpStatusCode.Created, created.ToString());
    }

    public async Task<string> CreateKey(string center, string scope)
    {
        var created = await Api.Post("/api/v1/apikeys", new { center, scope });
        Assert.True(created.Status == HttpStatusCode.Created, created.ToString());
        return created.Json["key"]!.GetValue<string>();
    }
}
