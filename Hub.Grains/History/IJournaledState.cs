namespace Hub.Grains.History;

/// <summary>
/// A grain state that carries the check-in history it counted: storage writes those rows with the
/// state, in its transaction where it has one, so that a state and the history behind its figures
/// never part — a refused write leaves neither, an acknowledged one both. Rows stay carried until
/// a write has taken them (a failed write's rows go with the next one).
/// </summary>
public interface IJournaledState
{
    /// <summary>Rows counted since the last write that took them.</summary>
    IReadOnlyList<CheckinRecord> Unjournaled { get; }

    /// <summary>The first <paramref name="count"/> rows of <see cref="Unjournaled"/> are stored.</summary>
    void Journaled(int count);
}
