using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Hub.Silo.Hosting;

/// <summary>Tells the person who started the hub where to look.</summary>
public static class StartupBanner
{
    public static void Print(WebApplication app, SiloOptions options)
    {
        if (app.Services.GetRequiredService<StartupRefusal>().Refused is not null)
        {
            return;
        }
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses)
        {
            Console.WriteLine($"Governance Hub is up: {address}  (storage: {options.Storage}, demo feed: {(options.DemoFeedEnabled ? "on" : "off")})");
        }
    }
}
