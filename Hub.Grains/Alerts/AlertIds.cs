using System.Security.Cryptography;
using System.Text;

namespace Hub.Grains.Alerts;

/// <summary>
/// An alert's id is derived from (source, sourceId), so a resent report lands on the same alert
/// grain and recognising the duplicate costs nothing extra (DESIGN.md principle 3).
/// </summary>
public static class AlertIds
{
    public static string For(string source, string sourceId)
    {
        var bytes = Encoding.UTF8.GetBytes($"{source}\n{sourceId}");
        return "AL" + Convert.ToHexString(SHA256.HashData(bytes), 0, 10);
    }
}
