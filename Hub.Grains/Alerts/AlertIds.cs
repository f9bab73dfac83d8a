using System.Security.Cryptography;
using System.Text;

namespace Hub.Grains.Alerts;

/// <summary>
/// An alert's id is derived from (sender, source, sourceId), so a resent report lands on the same
/// alert grain and recognising the duplicate costs nothing extra (DESIGN.md principle 3), while
/// two senders can never land on one alert.
/// </summary>
public static class AlertIds
{
    public static string For(Sender sender, string source, string sourceId)
    {
        // Length-prefixed parts: no choice of texts can make two different triples hash alike.
        var identity = sender.Identity;
        var bytes = Encoding.UTF8.GetBytes($"{identity.Length}:{identity}\n{source.Length}:{source}\n{sourceId}");
        return "AL" + Convert.ToHexString(SHA256.HashData(bytes), 0, 10);
    }
}
