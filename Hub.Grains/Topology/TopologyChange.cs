namespace Hub.Grains.Topology;

/// <summary>
/// Which units must re-report after a replace: those whose figures read something the replace
/// changed — their place, their children, the units their grid holds, the workers counted there.
/// Their ancestors follow through the ordinary report upward; a province where one grid changed
/// wakes a handful of units, not a hundred thousand.
/// </summary>
public static class TopologyChange
{
    /// <summary>Whether the figures of <paramref name="holder"/> (a grid or an area) may differ between the two topologies.</summary>
    public static bool Touches(TopologyIndex before, TopologyIndex after, string holder)
    {
        if (before.Find(holder) is not { } was || after.Find(holder) is not { } now)
        {
            return true;
        }
        if (!Same(before, after, was, now))
        {
            return true;
        }
        if (now.Level != Model.UnitLevel.Grid)
        {
            return false; // an area counts its children's figures and its own cases
        }
        // A grid counts what it holds: its micro-grids and buildings, and who works there.
        var held = new Stack<string>(now.Children);
        while (held.TryPop(out var code))
        {
            if (before.Find(code) is not { } heldWas || after.Find(code) is not { } heldNow || !Same(before, after, heldWas, heldNow))
            {
                return true;
            }
            foreach (var child in heldNow.Children)
            {
                held.Push(child);
            }
        }
        return false;
    }

    /// <summary>The same unit in both: as given (name, parent, level, households, kind), with the same children, path, workers and plan.</summary>
    private static bool Same(TopologyIndex before, TopologyIndex after, UnitNode was, UnitNode now) =>
        before.Spec(was.Code) == after.Spec(now.Code)
        && was.Children.SequenceEqual(now.Children, StringComparer.Ordinal)
        && was.Path.SequenceEqual(now.Path, StringComparer.Ordinal)
        && before.WorkersOf(was.Code).SequenceEqual(after.WorkersOf(now.Code))
        && before.PlanOf(was.Code) == after.PlanOf(now.Code);
}
