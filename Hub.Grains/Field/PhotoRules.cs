namespace Hub.Grains.Field;

/// <summary>
/// What a field photo may be: a JPEG, PNG or WebP image (known by its first bytes, not by what it
/// says it is), at most <see cref="MaxBytes"/>, at most <see cref="MaxPerReport"/> to a report.
/// The field page shrinks a phone's photo to about 1,600 pixels before sending (a few hundred KB).
/// </summary>
public static class PhotoRules
{
    public const int MaxPerReport = 3;

    /// <summary>2 MiB: a full-resolution phone photo is larger, one shrunk for a case far smaller.</summary>
    public const int MaxBytes = 2 * 1024 * 1024;

    /// <summary>
    /// Reads one photo from a data URL (<c>data:image/jpeg;base64,…</c>) or bare base64; null with
    /// the reason when it is not an image the hub keeps.
    /// </summary>
    public static (CasePhoto? Photo, string? Problem) Read(string text)
    {
        var payload = text;
        if (text.StartsWith("data:", StringComparison.Ordinal))
        {
            var comma = text.IndexOf(',', StringComparison.Ordinal);
            if (comma < 0 || !text.AsSpan(0, comma).EndsWith(";base64", StringComparison.Ordinal))
            {
                return (null, "must be a base64 data URL (data:image/jpeg;base64,…)");
            }
            payload = text[(comma + 1)..];
        }
        if (payload.Length > ((MaxBytes + 2) / 3 * 4) + 4)
        {
            return (null, $"is larger than {MaxBytes / 1024 / 1024} MiB");
        }
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(payload);
        }
        catch (FormatException)
        {
            return (null, "is not valid base64");
        }
        if (bytes.Length > MaxBytes)
        {
            return (null, $"is larger than {MaxBytes / 1024 / 1024} MiB");
        }
        return TypeOf(bytes) is { } type ? (new CasePhoto(type, bytes), null) : (null, "is not a JPEG, PNG or WebP image");
    }

    /// <summary>The image type its first bytes say, or null.</summary>
    public static string? TypeOf(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? "image/jpeg"
        : bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? "image/png"
        : bytes.Length >= 12 && bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8) ? "image/webp"
        : null;
}
