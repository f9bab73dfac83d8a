using System.Text.RegularExpressions;

namespace Hub.Tests.Support;

/// <summary>The demo users a hub in demo mode prints at start, read back from its output.</summary>
public static partial class DemoSignIn
{
    [GeneratedRegex(@"^\s+(?<role>\w+)\s+user (?<user>\S+)\s+password (?<password>\S+)\s+scope (?<scope>\S+)", RegexOptions.Multiline)]
    private static partial Regex Line();

    /// <summary>The printed users by role: user, password, scope.</summary>
    public static Dictionary<string, (string User, string Password, string Scope)> Read(string output) =>
        Line().Matches(output).ToDictionary(m => m.Groups["role"].Value, m => (m.Groups["user"].Value, m.Groups["password"].Value, m.Groups["scope"].Value));
}
