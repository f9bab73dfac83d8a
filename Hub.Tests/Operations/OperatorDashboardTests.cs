using System.Net;
using System.Net.Http.Json;
using Hub.Tests.Access;
using Hub.Tests.Support;

namespace Hub.Tests.Operations;

/// <summary>The Orleans dashboard at <c>/dashboard</c>: served to an admin over the whole topology, by token or by the page's cookie; refused to anyone else.</summary>
public class OperatorDashboardTests(AccessHost host) : IClassFixture<AccessHost>
{
    [Fact]
    public async Task An_admin_over_everything_gets_the_dashboard_and_its_cluster_figures_by_token_and_by_cookie()
    {
        var page = await host.Api.Http.GetAsync("/dashboard/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<html", await page.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

        var silos = await host.Api.Get("/dashboard/DashboardCounters");
        Assert.Equal(HttpStatusCode.OK, silos.Status);
        Assert.True(silos.Json["totalActiveHostCount"]!.GetValue<int>() >= 1, silos.ToString());

        using var browser = host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = true });
        var signIn = await browser.PostAsJsonAsync("/api/v1/auth/login", new { user = SignIn.AdminUser, password = SignIn.AdminPassword });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/dashboard/")).StatusCode);
    }

    [Theory]
    [InlineData("viewer")]
    [InlineData("officer")]
    [InlineData("leader")]
    [InlineData("admin")] // an admin of one street: the dashboard shows every grain of the city
    public async Task Anyone_else_is_refused(string role)
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await host.People[role].Get("/dashboard/DashboardCounters")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Anonymous().Get("/dashboard/DashboardCounters")).Status);
    }

    [Fact]
    public async Task A_hub_told_to_run_without_the_dashboard_has_none()
    {
        await using var silo = await SiloProcess.Start(new Dictionary<string, string> { ["Hub:Dashboard"] = "false" });
        Assert.Equal(HttpStatusCode.NotFound, (await silo.Api.Get("/dashboard/DashboardCounters")).Status);
        Assert.Equal(HttpStatusCode.OK, (await silo.Api.Get("/api/v1/auth/me")).Status);
    }
}
