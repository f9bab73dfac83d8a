using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Hub.Dashboard.Access;

/// <summary>
/// Random secrets and their stored digests. Tokens and key secrets carry 256 random bits, so a
/// SHA-256 digest is as safe to store as a slow hash, and cheap to check on every request.
/// </summary>
public static class Secrets
{
    /// <summary>Prefix of a center key: <c>ghk_{id}_{secret}</c>, so the id finds the key without a search.</summary>
    public const string KeyPrefix = "ghk_";

    private const int MaxKeyIdLength = 64;

    private const int TokenLength = 43; // 32 bytes in unpadded base64url

    public static string NewToken() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(TokenLength * 3 / 4));

    /// <summary>Whether a presented text has the shape of a token; anything else is refused without a lookup.</summary>
    public static bool LooksLikeToken(string text) =>
        text.Length == TokenLength && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public static string NewKeyId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    public static string Key(string id, string secret) => $"{KeyPrefix}{id}_{secret}";

    /// <summary>Splits a presented key into id and secret; false when it has not the shape of one.</summary>
    public static bool TryParseKey(string presented, out string id, out string secret)
    {
        id = secret = "";
        if (!presented.StartsWith(KeyPrefix, StringComparison.Ordinal))
        {
            return false;
        }
        var rest = presented.AsSpan(KeyPrefix.Length);
        var cut = rest.IndexOf('_');
        if (cut <= 0 || cut > MaxKeyIdLength || cut == rest.Length - 1)
        {
            return false;
        }
        id = rest[..cut].ToString();
        secret = rest[(cut + 1)..].ToString();
        return true;
    }

    public static string Digest(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Compares a presented secret with a stored digest in constant time.</summary>
    public static bool Matches(string secret, string digest) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Digest(secret)), Encoding.ASCII.GetBytes(digest));
}
