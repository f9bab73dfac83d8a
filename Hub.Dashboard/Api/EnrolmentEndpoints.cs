using System.Globalization;
using System.Security.Cryptography;
using Hub.Dashboard.Access;
using Hub.Dashboard.Api.Bodies;
using Hub.Dashboard.Api.Views;
using Hub.Dashboard.OpenApi;
using Hub.Grains.Access;
using Hub.Grains.Topology;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Hub.Dashboard.Api;

/// <summary>
/// A grid worker's way in without an admin at hand: an officer asks for a one-time code for the
/// worker, the worker enters it with a password of their own on the field page.
/// </summary>
public static class EnrolmentEndpoints
{
    /// <summary>A code works for a day: given at the morning's briefing, used in the field.</summary>
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromHours(24);

    private const int MaxBodyBytes = 4 * 1024;

    public static RouteGroupBuilder MapEnrolment(this RouteGroupBuilder api)
    {
        api.MapPost("/workers/{id}/enrolment", Issue).Allow(Permission.Act)
            .WithSummary("A one-time code for a grid worker to enrol on the field page (replaces any earlier one)").WithTags("Field")
            .Answers<EnrolmentView>(201).Refuses(403, 404);
        api.MapPost("/auth/enrol", Enrol).Allow(Permission.Anyone).RequireRateLimiting(AccessPolicies.SignInLimit)
            .WithSummary("A grid worker enrols with their code and sets their password: a session, as from sign-in").WithTags("Sign-in")
            .Takes<EnrolBody>().Answers<SignedInView>().Refuses(400, 401, 403, 409, 413, 422, 429);
        return api;
    }

    private static async Task<IResult> Issue(string id, Caller caller, TopologyCatalog topology, IGrainFactory grains, TimeProvider time, SecurityLog security)
    {
        var index = topology.Current;
        if (index.Worker(id) is not { } worker)
        {
            return Problems.NotFound($"unknown worker '{id}'");
        }
        if (!caller.Covers(index, worker.Grid))
        {
            return Problems.OutsideScope(caller, worker.Grid);
        }
        var code = RandomNumberGenerator.GetInt32(0, 100_000_000).ToString("D8", CultureInfo.InvariantCulture);
        var expiresAt = time.GetUtcNow() + CodeLifetime;
        await grains.GetGrain<IEnrolmentGrain>(worker.Id).Issue(Digest(worker.Id, code), expiresAt, caller.Name);
        security.EnrolmentIssued(caller.Name, worker.Id);
        return Results.Created($"/api/v1/workers/{Uri.EscapeDataString(worker.Id)}/enrolment", new EnrolmentView(worker.Id, worker.Name, worker.Grid, code, expiresAt));
    }

    private static async Task<IResult> Enrol(
        HttpContext http, TopologyCatalog topology, IGrainFactory grains, Passwords passwords, Sessions sessions, TimeProvider time, SecurityLog security)
    {
        var (body, problem) = await JsonBody.ReadObject(http.Request, MaxBodyBytes, fields =>
            (Worker: fields.Code("worker"), Code: fields.Text("code", maxLength: 16), Password: Passwords.ReadNew(fields)));
        if (problem is not null)
        {
            return problem;
        }
        var address = SecurityLog.AddressOf(http.Connection.RemoteIpAddress);
        var index = topology.Current;
        // An unknown worker and a wrong code answer alike: the answer says nothing of who exists.
        var worker = index.Worker(body.Worker!);
        var redeemed = worker is null ? null : await grains.GetGrain<IEnrolmentGrain>(worker.Id).Redeem(Digest(worker.Id, body.Code!.Trim()), time.GetUtcNow());
        if (worker is null || redeemed is not { Redeemed: true })
        {
            security.EnrolmentRefused(body.Worker!, address);
            return Problems.Of(StatusCodes.Status401Unauthorized, "Unauthorized", "wrong worker or code, or the code was used or has expired; ask the officer for a new one");
        }
        var accounts = grains.GetGrain<IAccountsGrain>(IAccountsGrain.Key);
        var hash = passwords.Hash(body.Password!);
        var now = time.GetUtcNow();
        var account = await accounts.Find(worker.Id);
        if (account is null)
        {
            account = new UserAccount(worker.Id, Role.Worker, worker.Grid, hash, false, now, redeemed.IssuedBy!, now, Worker: worker.Id);
            if (!await accounts.Create(account))
            {
                return Problems.Of(StatusCodes.Status409Conflict, "Conflict", $"user '{worker.Id}' was created meanwhile; enrol again with a new code");
            }
        }
        else if (account.Role != Role.Worker || account.Worker != worker.Id)
        {
            return Problems.Of(StatusCodes.Status409Conflict, "Conflict", $"user '{worker.Id}' exists and is not this worker's account; an admin must resolve it");
        }
        else if (account.Disabled)
        {
            return Problems.Forbidden($"user '{account.Name}' is disabled; an admin must enable it");
        }
        else
        {
            // A new phone or a forgotten password: the new password stands, every older session ends.
            account = await accounts.SetPassword(account.Name, hash, now) ?? account;
        }
        security.Enrolled(worker.Id, redeemed.IssuedBy!, address);
        return AuthEndpoints.SignedIn(http, await sessions.OpenFor(account), index);
    }

    private static string Digest(string worker, string code) => Secrets.Digest($"{worker}:{code}");
}
