namespace Hub.Grains.History;

/// <summary>
/// What history counts for one subtree on one day: cases raised that day (rejected ones apart) and
/// what became of them, and the day's check-ins, patrols and distinct patrolled targets.
/// </summary>
public sealed record DayHistory(DateOnly Day, int Raised, int Handled, int OnTimeHandled, int Closed, int Checkins, int Patrols, int Patrolled)
{
    /// <summary>不予立案: counted here only, in no other figure.</summary>
    public int Rejected { get; init; }

    /// <summary>Cases sent back for rework (返工) at least once.</summary>
    public int Reworked { get; init; }

    /// <summary>Cases rated (评价), and the sum of their scores.</summary>
    public int Rated { get; init; }

    public long RatingSum { get; init; }

    /// <summary>Supervision cards (黄牌, 红牌) the day's cases earned.</summary>
    public int YellowCards { get; init; }

    public int RedCards { get; init; }

    /// <summary>How the day's cases ended each stage: on time or late (分阶段按时).</summary>
    public Alerts.StageTally? Stages { get; init; }

    public static DayHistory Zero(DateOnly day) => new(day, 0, 0, 0, 0, 0, 0, 0);

    public DayHistory Plus(DayHistory other) => new(
        Day, Raised + other.Raised, Handled + other.Handled, OnTimeHandled + other.OnTimeHandled, Closed + other.Closed,
        Checkins + other.Checkins, Patrols + other.Patrols, Patrolled + other.Patrolled)
    {
        Rejected = Rejected + other.Rejected,
        Reworked = Reworked + other.Reworked,
        Rated = Rated + other.Rated,
        RatingSum = RatingSum + other.RatingSum,
        YellowCards = YellowCards + other.YellowCards,
        RedCards = RedCards + other.RedCards,
        Stages = Stages is null ? other.Stages : Stages.Plus(other.Stages),
    };
}
