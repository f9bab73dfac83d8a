using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Hub.Silo.Hosting;

/// <summary>
/// Checks every setting before anything runs, so a wrong value stops the silo with one line per
/// problem instead of a stack trace halfway through Orleans' start.
/// </summary>
public static partial class StartupSettings
{
    /// <summary>The <c>Hub</c> settings the silo is composed from, checked first: which storage decides what is built.</summary>
    public static SiloOptions Read(IConfiguration configuration)
    {
        var options = Refusing(() => configuration.GetSection("Hub").Get<SiloOptions>() ?? new SiloOptions());
        if (options.Problems(configuration.GetConnectionString("Hub")) is { Count: > 0 } problems)
        {
            throw new SettingsRefusedException(problems);
        }
        return options;
    }

    /// <summary>Every section bound with <c>ValidateOnStart</c>, checked now rather than inside the host's start.</summary>
    public static void Validate(IServiceProvider services) =>
        Refusing(() =>
        {
            services.GetRequiredService<IStartupValidator>().Validate();
            return true;
        });

    private static T Refusing<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (OptionsValidationException e)
        {
            throw new SettingsRefusedException([.. e.Failures]);
        }
        catch (AggregateException e) when (e.InnerExceptions.All(i => i is OptionsValidationException))
        {
            throw new SettingsRefusedException([.. e.InnerExceptions.Cast<OptionsValidationException>().SelectMany(i => i.Failures)]);
        }
        catch (InvalidOperationException e) when (BinderFailure().Match(e.Message) is { Success: true } failure)
        {
            throw new SettingsRefusedException([$"{failure.Groups["key"].Value} must be {Expected(failure.Groups["type"].Value)}"]);
        }
    }

    /// <summary>What a value the binder could not convert should have looked like.</summary>
    private static string Expected(string typeName)
    {
        var type = Type.GetType(typeName) ?? AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetType(typeName)).FirstOrDefault(t => t is not null);
        return (type is null ? null : Nullable.GetUnderlyingType(type) ?? type) switch
        {
            { IsEnum: true } e => "one of " + string.Join(", ", Enum.GetNames(e)),
            var t when t == typeof(int) || t == typeof(long) => "a whole number",
            var t when t == typeof(double) => "a number (such as 30 or 0.5)",
            var t when t == typeof(bool) => "true or false",
            var t when t == typeof(TimeSpan) => "a duration as [d.]hh:mm:ss (such as 00:10:00)",
            var t when t == typeof(DateOnly) => "a date as yyyy-MM-dd",
            _ => $"a value of type {typeName}",
        };
    }

    // The configuration binder's own sentence: "Failed to convert configuration value [...] at 'Hub:X' to type 'System.Int32'."
    [GeneratedRegex("at '(?<key>[^']+)' to type '(?<type>[^']+)'")]
    private static partial Regex BinderFailure();
}
