using Hub.Dashboard;
using Hub.Silo.Demo;
using Hub.Silo.Hosting;

var builder = WebApplication.CreateBuilder(args);
if (string.IsNullOrEmpty(builder.Configuration["urls"]))
{
    builder.WebHost.UseUrls("http://localhost:8080");
}
var siloOptions = builder.Configuration.GetSection("Hub").Get<SiloOptions>() ?? new SiloOptions();
builder.Services.Configure<SiloOptions>(builder.Configuration.GetSection("Hub"));

builder.AddHubSilo(siloOptions);
builder.Services.AddHubApi();
builder.Services.AddHostedService<TopologyBootstrap>();
if (siloOptions.DemoEnabled)
{
    builder.Services.AddHostedService<DemoFeed>();
}

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseDefaultFiles();
app.UseStaticFiles();
app.MapHubApi();
app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app, siloOptions));
app.Run();

/// <summary>The entry point, visible to the in-process test host.</summary>
public partial class Program;
