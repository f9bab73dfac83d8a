namespace Hub.Grains.Alerts;

/// <summary>Names the hub itself signs with in audit trails and as the source of alerts it raises.</summary>
public static class Actors
{
    public const string Hub = "hub";
}
