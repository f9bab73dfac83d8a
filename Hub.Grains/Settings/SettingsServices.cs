using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Hub.Grains.Settings;

public static class SettingsServices
{
    /// <summary>Binds <typeparamref name="T"/> to <paramref name="section"/> and checks it when the host starts, before anything runs.</summary>
    public static IServiceCollection AddCheckedSettings<T>(this IServiceCollection services, IConfiguration section)
        where T : class, ICheckedSettings
    {
        services.AddOptions<T>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<T>, SettingsValidation<T>>());
        return services;
    }
}
