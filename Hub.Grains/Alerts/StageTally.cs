namespace Hub.Grains.Alerts;

/// <summary>
/// How many times a case ended each stage of the loop, and how many of those ended within the
/// stage's limit; indexed by <see cref="CaseStage"/>. A rework passes a stage again, so a count can
/// exceed one. The source of the per-stage on-time rates (分阶段按时率).
/// </summary>
[GenerateSerializer, Immutable, Alias("hub.stage-tally")]
public sealed record StageTally([property: Id(0)] int[] Ended, [property: Id(1)] int[] OnTime)
{
    public static readonly int Count = Enum.GetValues<CaseStage>().Length;

    public static StageTally Empty => new(new int[Count], new int[Count]);

    /// <summary>The tally after one more end of <paramref name="stage"/>.</summary>
    public StageTally With(CaseStage stage, bool onTime)
    {
        var (ended, kept) = ((int[])Ended.Clone(), (int[])OnTime.Clone());
        ended[(int)stage]++;
        kept[(int)stage] += onTime ? 1 : 0;
        return new StageTally(ended, kept);
    }

    public StageTally Plus(StageTally? other)
    {
        if (other is null)
        {
            return this;
        }
        var (ended, kept) = (new int[Count], new int[Count]);
        for (var i = 0; i < Count; i++)
        {
            ended[i] = At(Ended, i) + At(other.Ended, i);
            kept[i] = At(OnTime, i) + At(other.OnTime, i);
        }
        return new StageTally(ended, kept);
    }

    /// <summary>A stage ends on time when it took less than its limit (the moment the limit runs out it is over); a stage without a limit is always on time.</summary>
    public static bool IsOnTime(TimeSpan took, TimeSpan? limit) => limit is not { } l || l <= TimeSpan.Zero || took < l;

    // Tolerates a tally stored before a stage was added to the loop.
    private static int At(int[] counts, int i) => i < counts.Length ? counts[i] : 0;
}
