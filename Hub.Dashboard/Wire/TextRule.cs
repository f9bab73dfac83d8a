namespace Hub.Dashboard.Wire;

/// <summary>
/// What text the hub takes (API.md §4): no C0 control character (tab and line breaks only in
/// multi-line text) and no noncharacter U+FFFE/U+FFFF. PostgreSQL refuses U+0000 outright, and
/// the rest would reach a wall screen or a log as garbage, so they are refused at the edge.
/// </summary>
public static class TextRule
{
    /// <summary>Why <paramref name="text"/> is refused, or null when it is fine.</summary>
    public static string? Problem(string text, bool multiline = false)
    {
        // Nearly all text is fine: one vectorized scan says so before the character-by-character one says why not.
        if (text.AsSpan().IndexOfAnyExceptInRange(' ', '\uFFFD') < 0)
        {
            return null;
        }
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if ((c < ' ' && !(multiline && c is '\t' or '\n' or '\r')) || c is '\uFFFE' or '\uFFFF')
            {
                return $"contains the control character U+{(int)c:X4} at position {i}";
            }
        }
        return null;
    }
}
