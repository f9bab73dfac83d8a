using Hub.Silo.Hosting;

// A wrong setting ends the start with one line per problem and exit code 1, never a stack trace.
try
{
    var app = HubApplication.Build(args);
    var refusal = app.Services.GetRequiredService<StartupRefusal>();
    app.Run();
    if (refusal.Refused is { } refused)
    {
        refused.Print(Console.Error);
        return 1;
    }
    return 0;
}
catch (SettingsRefusedException refused)
{
    refused.Print(Console.Error);
    return 1;
}

/// <summary>The entry point, visible to the in-process test host.</summary>
public partial class Program;
