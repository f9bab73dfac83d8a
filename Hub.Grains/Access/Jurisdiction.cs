using Hub.Grains.Topology;

namespace Hub.Grains.Access;

/// <summary>
/// A scope: the unit whose subtree a user or key may see and act in, or <see cref="Everything"/>.
/// A scope names a unit, so it survives a topology replace that keeps the unit.
/// </summary>
public static class Jurisdiction
{
    /// <summary>The whole topology, whatever its top units are (the bootstrap admin's scope).</summary>
    public const string Everything = "*";

    /// <summary>Whether a unit of the current topology lies in the scope.</summary>
    public static bool Covers(string scope, TopologyIndex index, string code) =>
        scope == Everything ? index.Find(code) is not null : index.IsWithin(code, scope);

    /// <summary>Whether something recorded with its path from the top (an alert) lies in the scope.</summary>
    public static bool Covers(string scope, IReadOnlyList<string> path) =>
        scope == Everything || path.Contains(scope, StringComparer.Ordinal);

    /// <summary>Whether scope <paramref name="inner"/> lies inside scope <paramref name="outer"/>: what an admin may hand out.</summary>
    public static bool Contains(string outer, string inner, TopologyIndex index) =>
        outer == Everything || (inner != Everything && index.IsWithin(inner, outer));
}
