namespace Hub.Grains;

/// <summary>The name of the grain storage provider every durable grain uses; the silo decides what backs it.</summary>
public static class HubStorage
{
    public const string Name = "hub";
}
