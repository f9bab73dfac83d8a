using System.Text.RegularExpressions;

namespace Hub.Grains.Model;

/// <summary>Rules for unit codes and display names (API.md §1).</summary>
public static partial class UnitCode
{
    public const int MaxLength = 64;
    public const int MaxNameLength = 100;

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static bool IsValid(string? code) => code is not null && Pattern().IsMatch(code);

    public static bool IsValidName(string? name) =>
        !string.IsNullOrWhiteSpace(name) && name.EnumerateRunes().Count() <= MaxNameLength;
}
