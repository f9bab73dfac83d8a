using Hub.Dashboard;
using Hub.Dashboard.Access;
using Hub.Silo.Demo;

namespace Hub.Silo.Hosting;

/// <summary>Builds the whole hub: the Orleans silo, the API and the page, for the configured storage.</summary>
public static class HubApplication
{
    public const string DefaultUrl = "http://localhost:8080";

    /// <param name="configure">A last word on the services, for a benchmark that brings grains of its own.</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }
        var section = builder.Configuration.GetSection("Hub");
        var options = section.Get<SiloOptions>() ?? new SiloOptions();
        builder.Services.Configure<SiloOptions>(section);

        builder.AddHubSilo(options);
        builder.Services.AddHubApi(builder.Configuration);
        builder.Services.AddHostedService<TopologyBootstrap>();
        builder.Services.AddHostedService<AdminBootstrap>();
        builder.Services.AddHostedService<DemoAccounts>();
        if (options.DemoFeedEnabled)
        {
            builder.Services.AddHostedService<DemoFeed>();
            builder.Services.AddHostedService<DemoPast>();
        }
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseWallPage();
        app.UseHubAccess();
        app.MapHubApi();
        app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app, options));
        return app;
    }
}
