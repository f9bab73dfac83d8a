namespace Hub.Grains.Model;

/// <summary>Ordered from calm to urgent so that the worst of several can be taken with Max.</summary>
public enum Health
{
    Green,
    Yellow,
    Orange,
    Red,
}
