namespace Hub.Grains.Rollup;

/// <summary>Rates as the contract writes them: a fraction rounded to 4 places, null over zero.</summary>
public static class Rate
{
    public static double? Of(int part, int whole) =>
        whole <= 0 ? null : Math.Round((double)part / whole, 4, MidpointRounding.AwayFromZero);
}
