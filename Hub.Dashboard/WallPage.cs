using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.FileProviders;

namespace Hub.Dashboard;

/// <summary>Serves the wall screen: from this assembly, or from <c>Hub:WebRoot</c> while someone works on the page.</summary>
public static class WallPage
{
    public static WebApplication UseWallPage(this WebApplication app)
    {
        IFileProvider files = app.Configuration["Hub:WebRoot"] is { Length: > 0 } folder
            ? new PhysicalFileProvider(Path.GetFullPath(folder))
            : new ManifestEmbeddedFileProvider(typeof(WallPage).Assembly, "wwwroot");
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        return app;
    }
}
