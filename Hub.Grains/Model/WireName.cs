using System.Collections.Frozen;
using System.Text.Json;

namespace Hub.Grains.Model;

/// <summary>
/// The names enums carry on the wire: kebab-case, lower ("full-time", "critical"). One place, so the
/// JSON converter and the hand-written validators agree.
/// </summary>
public static class WireName
{
    public static readonly JsonNamingPolicy Policy = JsonNamingPolicy.KebabCaseLower;

    public static string Of<T>(T value) where T : struct, Enum => Names<T>.ToWire[value];

    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        if (text is not null && Names<T>.FromWire.TryGetValue(text, out value))
        {
            return true;
        }
        value = default;
        return false;
    }

    /// <summary>The allowed names, for error messages.</summary>
    public static string Allowed<T>() where T : struct, Enum => Names<T>.Allowed;

    private static class Names<T> where T : struct, Enum
    {
        public static readonly FrozenDictionary<T, string> ToWire =
            Enum.GetValues<T>().ToFrozenDictionary(v => v, v => Policy.ConvertName(v.ToString()));

        public static readonly FrozenDictionary<string, T> FromWire =
            ToWire.ToFrozenDictionary(kv => kv.Value, kv => kv.Key, StringComparer.Ordinal);

        public static readonly string Allowed = string.Join(", ", ToWire.Values);
    }
}
