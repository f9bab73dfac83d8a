namespace Hub.Grains.Alerts;

/// <summary>
/// The rules of 吹哨报到 over a case's parts: a whistle summons departments (each once), a
/// department reports in and then finishes its part, and the case is handled when every part is
/// done. A failed check sends every part back to waiting.
/// </summary>
public static class CaseParts
{
    /// <summary>The parts after summoning <paramref name="departments"/>; those already summoned keep their part.</summary>
    public static IReadOnlyList<DepartmentPart> Whistle(IReadOnlyList<DepartmentPart> parts, IEnumerable<string> departments, DateTimeOffset now, DateTimeOffset? deadline)
    {
        var next = parts.ToList();
        foreach (var code in departments.Distinct(StringComparer.Ordinal))
        {
            if (next.All(p => p.Department != code))
            {
                next.Add(new DepartmentPart(code, PartState.Waiting, now, null, null, deadline));
            }
        }
        return next;
    }

    /// <summary>The parts after <paramref name="department"/> reports in; null when it has no waiting part.</summary>
    public static IReadOnlyList<DepartmentPart>? ReportIn(IReadOnlyList<DepartmentPart> parts, string department, DateTimeOffset now) =>
        Change(parts, department, PartState.Waiting, p => p with { State = PartState.Reported, ReportedAt = now });

    /// <summary>The parts after <paramref name="department"/> finishes; null unless it has reported in and is not done.</summary>
    public static IReadOnlyList<DepartmentPart>? Finish(IReadOnlyList<DepartmentPart> parts, string department, DateTimeOffset now) =>
        Change(parts, department, PartState.Reported, p => p with { State = PartState.Done, DoneAt = now });

    public static bool AllDone(IReadOnlyList<DepartmentPart> parts) => parts.Count > 0 && parts.All(p => p.State == PartState.Done);

    /// <summary>After a failed check (返工): every part waits again, to report in anew.</summary>
    public static IReadOnlyList<DepartmentPart> Reset(IReadOnlyList<DepartmentPart> parts, DateTimeOffset now, DateTimeOffset? deadline) =>
        parts.Select(p => p with { State = PartState.Waiting, SummonedAt = now, ReportedAt = null, DoneAt = null, Deadline = deadline }).ToArray();

    public static bool Has(IReadOnlyList<DepartmentPart>? parts, string department) => parts?.Any(p => p.Department == department) == true;

    private static DepartmentPart[]? Change(IReadOnlyList<DepartmentPart> parts, string department, PartState from, Func<DepartmentPart, DepartmentPart> change)
    {
        var index = parts.ToList().FindIndex(p => p.Department == department);
        if (index < 0 || parts[index].State != from)
        {
            return null;
        }
        var next = parts.ToArray();
        next[index] = change(parts[index]);
        return next;
    }
}
