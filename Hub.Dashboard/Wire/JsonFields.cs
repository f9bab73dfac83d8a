using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hub.Grains.Model;

namespace Hub.Dashboard.Wire;

/// <summary>
/// Reads the fields of one JSON object by hand, so that every wrong field is reported by its path
/// (<c>[3].at: ...</c>) instead of the first type error ending the read.
/// </summary>
public sealed partial class JsonFields
{
    private readonly JsonElement _element;
    private readonly string _path;
    private readonly List<string> _errors;
    private readonly int _errorsBefore;

    /// <param name="path">The object's place in the body (<c>[3]</c>, <c>$</c>); empty names its fields alone (<c>unit: ...</c>).</param>
    public JsonFields(JsonElement element, string path, List<string> errors)
    {
        _element = element;
        _path = path;
        _errors = errors;
        _errorsBefore = errors.Count;
        IsObject = element.ValueKind == JsonValueKind.Object;
        if (!IsObject)
        {
            errors.Add($"{path}: must be a JSON object");
        }
    }

    public bool IsObject { get; }

    /// <summary>Whether nothing read from this object so far was wrong.</summary>
    public bool IsValid => _errors.Count == _errorsBefore;

    /// <param name="multiline">Whether the text may hold tabs and line breaks (a note, a detail); no other control character is ever taken.</param>
    public string? Text(string name, bool required = true, int maxLength = UnitCode.MaxLength, bool multiline = false)
    {
        if (!TryGet(name, required, out var value))
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.String)
        {
            return Fail<string>(name, "must be a string");
        }
        string text;
        try
        {
            text = value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            return Fail<string>(name, "is not valid Unicode");
        }
        if (text.Length == 0 && required)
        {
            return Fail<string>(name, "must not be empty");
        }
        if (text.Length > maxLength)
        {
            return Fail<string>(name, $"longer than {maxLength} characters");
        }
        if (text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') >= 0 && !IsWellFormed(text))
        {
            return Fail<string>(name, "is not valid Unicode");
        }
        return TextRule.Problem(text, multiline) is { } problem ? Fail<string>(name, problem) : text;
    }

    /// <summary>A code or id: required, and of the code alphabet (API.md §1).</summary>
    public string? Code(string name, bool required = true)
    {
        var text = Text(name, required);
        if (text is null)
        {
            return null;
        }
        return UnitCode.IsValid(text) ? text : Fail<string>(name, $"'{text}' is not a valid code (1-64 of A-Z a-z 0-9 _ . -)");
    }

    public DateTimeOffset? Time(string name, bool required = true)
    {
        var text = Text(name, required, maxLength: 40);
        if (text is null)
        {
            return null;
        }
        if (!Iso8601WithOffset().IsMatch(text)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return Fail<DateTimeOffset?>(name, $"'{text}' is not an ISO-8601 time with an offset");
        }
        return time;
    }

    public double? Number(string name, double min, double max)
    {
        if (!TryGet(name, required: false, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || !double.IsFinite(number))
        {
            return Fail<double?>(name, "must be a number");
        }
        return number < min || number > max ? Fail<double?>(name, $"must be between {min} and {max}") : number;
    }

    /// <summary>An optional array of codes, each of the code alphabet, at most <paramref name="max"/> of them.</summary>
    public IReadOnlyList<string>? CodeList(string name, int max)
    {
        if (!TryGet(name, required: false, out var value))
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.Array)
        {
            return Fail<IReadOnlyList<string>>(name, "must be an array of codes");
        }
        if (value.GetArrayLength() > max)
        {
            return Fail<IReadOnlyList<string>>(name, $"more than {max} entries");
        }
        var codes = new List<string>();
        foreach (var item in value.EnumerateArray())
        {
            // A code is ASCII: the raw text is compared, so an escape that is no character cannot throw here.
            if (item.ValueKind != JsonValueKind.String || !item.ValueEquals(item.GetRawText()[1..^1]) || !UnitCode.IsValid(item.GetRawText()[1..^1]))
            {
                return Fail<IReadOnlyList<string>>(name, "must be an array of codes (1-64 of A-Z a-z 0-9 _ . -)");
            }
            codes.Add(item.GetRawText()[1..^1]);
        }
        return codes;
    }

    /// <summary>A required <c>true</c> or <c>false</c>.</summary>
    public bool? Bool(string name)
    {
        if (!TryGet(name, required: true, out var value))
        {
            return null;
        }
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => Fail<bool?>(name, "must be true or false"),
        };
    }

    /// <summary>A required whole number within [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public int? WholeNumber(string name, int min, int max)
    {
        if (!TryGet(name, required: true, out var value))
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
        {
            return Fail<int?>(name, "must be a whole number");
        }
        return number < min || number > max ? Fail<int?>(name, $"must be between {min} and {max}") : number;
    }

    public T? Enum<T>(string name) where T : struct, Enum
    {
        var text = Text(name, maxLength: 40);
        if (text is null)
        {
            return null;
        }
        return WireName.TryParse<T>(text, out var value) ? value : Fail<T?>(name, $"'{text}' is not one of {WireName.Allowed<T>()}");
    }

    /// <summary>Whether the object has the field with a value (not absent, not null): for optional fields.</summary>
    public bool Has(string name) => IsObject && _element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;

    /// <summary>Records a problem found by a rule outside this reader, under this object's path.</summary>
    public void Error(string name, string message) => _errors.Add(_path.Length == 0 ? $"{name}: {message}" : $"{_path}.{name}: {message}");

    private bool TryGet(string name, bool required, out JsonElement value)
    {
        value = default;
        if (!IsObject)
        {
            return false;
        }
        if (!_element.TryGetProperty(name, out value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                Error(name, "required");
            }
            return false;
        }
        return true;
    }

    private T? Fail<T>(string name, string message)
    {
        Error(name, message);
        return default;
    }

    private static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }
        return true;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Iso8601WithOffset();
}
