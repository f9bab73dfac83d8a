using Microsoft.Extensions.Options;

namespace Hub.Grains.Settings;

/// <summary>Hands a section's own <see cref="ICheckedSettings.Problems"/> to the options framework.</summary>
public sealed class SettingsValidation<T> : IValidateOptions<T>
    where T : class, ICheckedSettings
{
    public ValidateOptionsResult Validate(string? name, T options) =>
        options.Problems() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
}
