namespace Hub.Silo.Hosting;

/// <summary>The hub refuses to start: each problem is one line naming the setting and what is allowed.</summary>
public sealed class SettingsRefusedException(IReadOnlyList<string> problems)
    : Exception("The hub cannot start: " + string.Join("; ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;

    /// <summary>At most this many lines are printed; a topology file can have thousands of errors.</summary>
    public const int MaxLines = 50;

    public void Print(TextWriter to)
    {
        foreach (var problem in Problems.Take(MaxLines))
        {
            to.WriteLine($"Governance Hub cannot start: {problem}");
        }
        if (Problems.Count > MaxLines)
        {
            to.WriteLine($"Governance Hub cannot start: … and {Problems.Count - MaxLines} more");
        }
    }
}
