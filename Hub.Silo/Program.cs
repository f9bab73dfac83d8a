using Hub.Silo.Hosting;

HubApplication.Build(args).Run();

/// <summary>The entry point, visible to the in-process test host.</summary>
public partial class Program;
