using Hub.Grains.Access;
using Hub.Grains.Topology;

namespace Hub.Dashboard.Wire;

/// <summary>
/// The sender's scope while a batch is read. What lies outside it is refused by the name the sender
/// gave, and nothing more is said of it: not a foreign worker's grid, nor a foreign device's unit.
/// </summary>
public sealed class ScopeFence(string scope, TopologyIndex topology)
{
    private readonly List<string> _outside = [];

    /// <summary>The items' fields that named something outside the scope, as <c>[3].worker: 'W9' is outside the scope</c>.</summary>
    public IReadOnlyList<string> Outside => _outside;

    /// <summary>Whether <paramref name="unit"/>, where the thing called <paramref name="name"/> lies, is inside the scope; if not, records it.</summary>
    public bool Admits(string item, string field, string name, string unit)
    {
        if (Jurisdiction.Covers(scope, topology, unit))
        {
            return true;
        }
        _outside.Add($"{item}.{field}: '{name}' is outside the scope");
        return false;
    }

    /// <summary>Records a field that names what the sender may not send for another reason than place.</summary>
    public void Refuse(string item, string field, string why) => _outside.Add($"{item}.{field}: {why}");
}
