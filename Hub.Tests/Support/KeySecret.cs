using Hub.Dashboard.Access;

namespace Hub.Tests.Support;

/// <summary>The secret part of a center key (<c>ghk_{id}_{secret}</c>).</summary>
public static class KeySecret
{
    /// <summary>All after the id: the secret is base64url and may hold '_' itself, so splitting on it could cut out a one-letter fragment.</summary>
    public static string Of(string key) => key[(key.IndexOf('_', Secrets.KeyPrefix.Length) + 1)..];
}
