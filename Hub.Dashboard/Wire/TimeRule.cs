using Hub.Grains.Ingest;

namespace Hub.Dashboard.Wire;

/// <summary>The rule every reported time obeys: not more than 5 minutes ahead, not absurdly old.</summary>
internal static class TimeRule
{
    public static DateTimeOffset? Check(JsonFields f, string name, DateTimeOffset now)
    {
        var at = f.Time(name);
        if (at is { } t && t > now + IngestLimits.FutureTolerance)
        {
            f.Error(name, $"{t:O} is more than {IngestLimits.FutureTolerance.TotalMinutes:0} minutes in the future");
            return null;
        }
        if (at is { } old && old < IngestLimits.Earliest)
        {
            f.Error(name, $"{old:O} is before {IngestLimits.Earliest:yyyy-MM-dd}");
            return null;
        }
        return at;
    }
}
