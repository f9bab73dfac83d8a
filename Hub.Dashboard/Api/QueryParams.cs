using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Hub.Dashboard.Api;

/// <summary>Reads optional query parameters; a wrong value is named in <c>errors</c> and the caller answers 400.</summary>
public static class QueryParams
{
    public static int WholeNumber(HttpRequest request, string name, int fallback, int min, int max, List<string> errors)
    {
        var text = request.Query[name].ToString();
        if (text.Length == 0)
        {
            return fallback;
        }
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }
        errors.Add($"{name}: must be a whole number from {min} to {max}");
        return fallback;
    }

    public static DateOnly? Date(HttpRequest request, string name, List<string> errors)
    {
        var text = request.Query[name].ToString();
        if (text.Length == 0)
        {
            return null;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }
        errors.Add($"{name}: '{text}' is not a date (yyyy-MM-dd)");
        return null;
    }
}
