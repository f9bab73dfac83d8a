using Hub.Dashboard.Access;
using Hub.Dashboard.Api.Bodies;
using Hub.Dashboard.Api.Views;
using Hub.Dashboard.OpenApi;
using Hub.Grains.Topology;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Hub.Dashboard.Api;

/// <summary>API.md §9: admins make, list and revoke centers' ingest keys, inside their own scope.</summary>
public static class ApiKeyEndpoints
{
    private const int MaxBodyBytes = 4 * 1024;
    private const int MaxCenterLength = 100;
    private const string Tag = "Center keys";

    public static RouteGroupBuilder MapApiKeys(this RouteGroupBuilder api)
    {
        api.MapPost("/apikeys", Create).Allow(Permission.Administer)
            .WithSummary("Make a center's ingest key; its secret is shown this once").WithTags(Tag)
            .Takes<NewApiKeyBody>().Answers<NewApiKeyView>(201).Refuses(400, 403, 413, 422);
        api.MapGet("/apikeys", List).Allow(Permission.Administer)
            .WithSummary("The centers' keys inside the admin's scope, without their secrets").WithTags(Tag)
            .Answers<ApiKeyList>();
        api.MapDelete("/apikeys/{id}", Revoke).Allow(Permission.Administer)
            .WithSummary("Revoke a center's key").WithTags(Tag)
            .AnswersEmpty().Refuses(404);
        return api;
    }

    private static async Task<IResult> Create(HttpRequest request, Caller caller, KeyRing keys, TopologyCatalog topology, SecurityLog security)
    {
        var index = topology.Current;
        var (asked, problem) = await JsonBody.ReadObject(request, MaxBodyBytes, fields =>
            (Center: fields.Text("center", maxLength: MaxCenterLength)!, Scope: ScopeGrant.Read(fields, index)!));
        if (problem is not null)
        {
            return problem;
        }
        if (ScopeGrant.Refusal(caller, asked.Scope, index) is { } refusal)
        {
            return refusal;
        }
        var (key, text) = await keys.Create(asked.Center, asked.Scope, caller.Name);
        security.KeyCreated(caller.Name, key.Id, key.Scope);
        // The only time the secret is shown.
        return Results.Created($"/api/v1/apikeys/{key.Id}", new NewApiKeyView(key.Id, Key: text, key.Center, key.Scope, key.CreatedAt));
    }

    private static async Task<IResult> List(Caller caller, KeyRing keys, TopologyCatalog topology)
    {
        var index = topology.Current;
        var all = await keys.List();
        return Results.Ok(new ApiKeyList(
            all.Where(k => ScopeGrant.Manages(caller, k.Scope, index))
                .Select(k => new ApiKeyView(k.Id, k.Center, k.Scope, k.CreatedAt, k.CreatedBy, k.LastUsedAt, k.Revoked, k.RevokedAt))
                .ToArray()));
    }

    private static async Task<IResult> Revoke(string id, Caller caller, KeyRing keys, TopologyCatalog topology, SecurityLog security)
    {
        if (await keys.Find(id) is not { } key || !ScopeGrant.Manages(caller, key.Scope, topology.Current))
        {
            return Problems.NotFound($"unknown API key '{id}'");
        }
        await keys.Revoke(id);
        security.KeyRevoked(caller.Name, key.Id);
        return Results.NoContent();
    }
}
