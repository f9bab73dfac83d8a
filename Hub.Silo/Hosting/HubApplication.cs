using Hub.Dashboard;
using Hub.Dashboard.Access;
using Hub.Silo.Demo;
using Hub.Silo.Operations;

namespace Hub.Silo.Hosting;

/// <summary>Builds the whole hub: the Orleans silo, the API and the page, for the configured storage.</summary>
public static class HubApplication
{
    public const string DefaultUrl = "http://localhost:8080";

    /// <exception cref="SettingsRefusedException">A setting is wrong; nothing has started.</exception>
    /// <param name="configure">A last word on the services, for a benchmark that brings grains of its own.</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }
        var options = StartupSettings.Read(builder.Configuration);
        builder.Services.Configure<SiloOptions>(builder.Configuration.GetSection("Hub"));
        builder.Services.AddSingleton<StartupRefusal>();

        builder.AddHubSilo(options);
        builder.Services.AddHubApi(builder.Configuration);
        builder.Services.AddHubHealth(options, builder.Configuration.GetConnectionString("Hub"));
        builder.AddHubTelemetry(options);
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
        StartupSettings.Validate(app.Services);
        app.UseMetricsPortFence(options);
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseWallPage();
        app.UseHubAccess();
        app.MapHubApi();
        app.MapHubHealth();
        app.MapHubMetrics(options);
        if (options.Dashboard)
        {
            app.MapOperatorDashboard();
        }
        app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app, options));
        return app;
    }
}
