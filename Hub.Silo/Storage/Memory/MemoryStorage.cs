using Hub.Grains.History;

namespace Hub.Silo.Storage.Memory;

public static class MemoryStorage
{
    /// <summary>One <see cref="MemoryHistory"/> behind every history interface.</summary>
    public static IServiceCollection AddMemoryHistory(this IServiceCollection services)
    {
        services.AddSingleton<MemoryHistory>();
        services.AddSingleton<IAlertJournal>(sp => sp.GetRequiredService<MemoryHistory>());
        services.AddSingleton<ICheckinJournal>(sp => sp.GetRequiredService<MemoryHistory>());
        services.AddSingleton<IHistoryStats>(sp => sp.GetRequiredService<MemoryHistory>());
        services.AddSingleton<IHistoryImport>(sp => sp.GetRequiredService<MemoryHistory>());
        services.AddSingleton<IHistoryRetention>(sp => sp.GetRequiredService<MemoryHistory>());
        return services;
    }
}
