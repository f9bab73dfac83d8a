using Hub.Dashboard.Access;
using Hub.Dashboard.Api.Bodies;
using Hub.Dashboard.Api.Views;
using Hub.Dashboard.OpenApi;
using Hub.Grains.Access;
using Hub.Grains.Model;
using Hub.Grains.Topology;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Hub.Dashboard.Api;

/// <summary>API.md §9: admins manage the people who sign in, inside their own scope.</summary>
public static class UserEndpoints
{
    private const int MaxBodyBytes = 4 * 1024;
    private const string Tag = "Users";

    public static RouteGroupBuilder MapUsers(this RouteGroupBuilder api)
    {
        api.MapGet("/users", List).Allow(Permission.Administer)
            .WithSummary("The users inside the admin's scope").WithTags(Tag)
            .Answers<UserList>();
        api.MapPost("/users", Create).Allow(Permission.Administer)
            .WithSummary("Create a user inside the admin's scope").WithTags(Tag)
            .Takes<NewUserBody>().Answers<UserView>(201).Refuses(400, 403, 409, 413, 422);
        api.MapPost("/users/{name}/password", SetPassword).Allow(Permission.Administer)
            .WithSummary("Set a user's password").WithTags(Tag)
            .Takes<NewPasswordBody>().Answers<UserView>().Refuses(400, 404, 413, 422);
        api.MapPost("/users/{name}/disable", (string name, Caller caller, IGrainFactory grains, TopologyCatalog topology, TimeProvider time, SecurityLog security) =>
            SetDisabled(name, true, caller, grains, topology, time, security)).Allow(Permission.Administer)
            .WithSummary("Disable a user: they can no longer sign in").WithTags(Tag)
            .Answers<UserView>().Refuses(404, 409);
        api.MapPost("/users/{name}/enable", (string name, Caller caller, IGrainFactory grains, TopologyCatalog topology, TimeProvider time, SecurityLog security) =>
            SetDisabled(name, false, caller, grains, topology, time, security)).Allow(Permission.Administer)
            .WithSummary("Enable a disabled user again").WithTags(Tag)
            .Answers<UserView>().Refuses(404);
        return api;
    }

    private static async Task<IResult> List(Caller caller, IGrainFactory grains, TopologyCatalog topology)
    {
        var index = topology.Current;
        var users = await Accounts(grains).List();
        return Results.Ok(new UserList(users.Where(u => ScopeGrant.Manages(caller, u.Scope, index)).Select(View).ToArray()));
    }

    private static async Task<IResult> Create(
        HttpRequest request, Caller caller, IGrainFactory grains, TopologyCatalog topology, Passwords passwords, TimeProvider time, SecurityLog security)
    {
        var index = topology.Current;
        var (user, problem) = await JsonBody.ReadObject(request, MaxBodyBytes, fields =>
        {
            var name = fields.Code("user");
            var password = Passwords.ReadNew(fields);
            var role = fields.Enum<Role>("role");
            var (department, departmentScope) = DepartmentOf(fields, role, index);
            var (worker, workerScopes) = WorkerOf(fields, role, index);
            var defaultScope = departmentScope ?? workerScopes?[0];
            // A worker's scope follows from the worker: without one, that is the one error to name.
            var scope = ScopeGrant.Read(fields, index, required: defaultScope is null && role != Role.Worker) ?? defaultScope;
            if (workerScopes is not null && scope is not null && !workerScopes.Contains(scope))
            {
                fields.Error("scope", $"a grid worker's scope is their grid '{workerScopes[0]}'{(workerScopes.Length > 1 ? $" or their micro-grid '{workerScopes[1]}'" : "")}");
            }
            return (Name: name!, Password: password!, Role: role ?? default, Scope: scope!, Department: department, Worker: worker);
        });
        if (problem is not null)
        {
            return problem;
        }
        if (ScopeGrant.Refusal(caller, user.Scope, index) is { } refusal)
        {
            return refusal;
        }
        var now = time.GetUtcNow();
        var account = new UserAccount(user.Name, user.Role, user.Scope, passwords.Hash(user.Password), false, now, caller.Name, now, user.Department, user.Worker);
        if (!await Accounts(grains).Create(account))
        {
            return Problems.Of(StatusCodes.Status409Conflict, "Conflict", $"user '{user.Name}' exists");
        }
        security.UserCreated(caller.Name, account.Name, WireName.Of(account.Role), account.Scope);
        return Results.Created($"/api/v1/users/{Uri.EscapeDataString(account.Name)}", View(account));
    }

    private static async Task<IResult> SetPassword(
        string name, HttpRequest request, Caller caller, IGrainFactory grains, TopologyCatalog topology, Passwords passwords, TimeProvider time, SecurityLog security)
    {
        var (password, problem) = await JsonBody.ReadObject(request, MaxBodyBytes, fields => Passwords.ReadNew(fields));
        if (problem is not null)
        {
            return problem;
        }
        if (await Managed(name, caller, grains, topology) is null)
        {
            return UnknownUser(name);
        }
        var changed = await Accounts(grains).SetPassword(name, passwords.Hash(password!), time.GetUtcNow());
        if (changed is null)
        {
            return UnknownUser(name);
        }
        security.PasswordReset(caller.Name, changed.Name);
        return Results.Ok(View(changed));
    }

    private static async Task<IResult> SetDisabled(
        string name, bool disabled, Caller caller, IGrainFactory grains, TopologyCatalog topology, TimeProvider time, SecurityLog security)
    {
        if (await Managed(name, caller, grains, topology) is null)
        {
            return UnknownUser(name);
        }
        if (disabled && UserAccount.KeyOf(name) == UserAccount.KeyOf(caller.Name))
        {
            return Problems.Of(StatusCodes.Status409Conflict, "Conflict", "an admin cannot disable their own account");
        }
        var changed = await Accounts(grains).SetDisabled(name, disabled, time.GetUtcNow());
        if (changed is null)
        {
            return UnknownUser(name);
        }
        if (disabled)
        {
            security.UserDisabled(caller.Name, changed.Name);
        }
        else
        {
            security.UserEnabled(caller.Name, changed.Name);
        }
        return Results.Ok(View(changed));
    }

    /// <summary>The user when it exists inside the admin's scope; a user outside it is as unknown as a missing one.</summary>
    private static async Task<UserAccount?> Managed(string name, Caller caller, IGrainFactory grains, TopologyCatalog topology) =>
        await Accounts(grains).Find(name) is { } account && ScopeGrant.Manages(caller, account.Scope, topology.Current) ? account : null;

    private static IResult UnknownUser(string name) => Problems.NotFound($"unknown user '{name}'");

    /// <summary>
    /// A department's user works for one department (required), and by default in the unit it
    /// serves; no other role has a department.
    /// </summary>
    private static (string? Department, string? DefaultScope) DepartmentOf(Wire.JsonFields fields, Role? role, TopologyIndex index)
    {
        var code = fields.Code("department", required: role == Role.Department);
        if (code is null)
        {
            return (null, null);
        }
        if (role != Role.Department)
        {
            fields.Error("department", "only a user of role 'department' works for a department");
            return (null, null);
        }
        if (index.Department(code) is not { } department)
        {
            fields.Error("department", $"unknown department '{code}'");
            return (null, null);
        }
        return (code, department.Unit);
    }

    /// <summary>A grid worker's account names the topology's worker it signs in as; its scope is their grid (or micro-grid).</summary>
    private static (string? Worker, string[]? Scopes) WorkerOf(Wire.JsonFields fields, Role? role, TopologyIndex index)
    {
        var id = fields.Code("worker", required: role == Role.Worker);
        if (id is null)
        {
            return (null, null);
        }
        if (role != Role.Worker)
        {
            fields.Error("worker", "only a user of role 'worker' is a grid worker");
            return (null, null);
        }
        if (index.Worker(id) is not { } worker)
        {
            fields.Error("worker", $"unknown worker '{id}'");
            return (null, null);
        }
        return (id, worker.Microgrid is { } micro ? [worker.Grid, micro] : [worker.Grid]);
    }

    private static IAccountsGrain Accounts(IGrainFactory grains) => grains.GetGrain<IAccountsGrain>(IAccountsGrain.Key);

    private static UserView View(UserAccount u) => new(
        User: u.Name,
        Role: u.Role,
        Scope: u.Scope,
        Disabled: u.Disabled,
        CreatedAt: u.CreatedAt,
        CreatedBy: u.CreatedBy,
        Department: u.Department,
        Worker: u.Worker);
}
