using System.Collections.Frozen;
using Hub.Grains.Model;

namespace Hub.Grains.Topology;

/// <summary>
/// A validated topology, indexed for the questions asked on every request: does this unit exist,
/// what are its ancestors, which grid holds it, who works there. Immutable; replaced whole.
/// </summary>
public sealed class TopologyIndex
{
    public static readonly TopologyIndex Empty = new(TopologyDocument.Empty, 0);

    private readonly FrozenDictionary<string, UnitNode> _units;
    private readonly FrozenDictionary<string, WorkerSpec> _workers;
    private readonly FrozenDictionary<string, IReadOnlyList<WorkerSpec>> _workersByGrid;
    private readonly FrozenDictionary<string, DeviceSpec> _devices;
    private readonly FrozenDictionary<string, DepartmentSpec> _departments;
    private readonly FrozenDictionary<string, int> _patrolTargets;

    /// <param name="doc">A document that <see cref="TopologyValidator"/> accepted.</param>
    public TopologyIndex(TopologyDocument doc, long version)
    {
        Document = doc;
        Version = version;
        var children = doc.Units
            .Where(u => u.Parent is not null)
            .GroupBy(u => u.Parent!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(u => u.Code).ToArray(), StringComparer.Ordinal);
        var specs = doc.Units.ToDictionary(u => u.Code, StringComparer.Ordinal);
        var paths = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);

        IReadOnlyList<string> PathOf(UnitSpec u)
        {
            if (paths.TryGetValue(u.Code, out var known))
            {
                return known;
            }
            var path = u.Parent is null ? [u.Code] : PathOf(specs[u.Parent]).Append(u.Code).ToArray();
            paths[u.Code] = path;
            return path;
        }

        _units = doc.Units.ToFrozenDictionary(
            u => u.Code,
            u => new UnitNode(u.Code, u.Name, u.Level, u.Parent, children.GetValueOrDefault(u.Code) ?? [], PathOf(u)),
            StringComparer.Ordinal);
        _workers = doc.Workers.ToFrozenDictionary(w => w.Id, StringComparer.Ordinal);
        _workersByGrid = doc.Workers
            .GroupBy(w => w.Grid, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => (IReadOnlyList<WorkerSpec>)g.ToArray(), StringComparer.Ordinal);
        _devices = doc.Devices.ToFrozenDictionary(d => d.Id, StringComparer.Ordinal);
        _departments = doc.DepartmentList.ToFrozenDictionary(d => d.Code, StringComparer.Ordinal);
        Tops = doc.Units.Where(u => u.Parent is null).Select(u => u.Code).ToArray();
        var targets = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var node in _units.Values.Where(n => n.Level == UnitLevel.Grid))
        {
            var own = Math.Max(1, node.Children.Count);
            foreach (var code in node.Path)
            {
                targets[code] = targets.GetValueOrDefault(code) + own;
            }
        }
        foreach (var node in _units.Values.Where(n => n.Level == UnitLevel.Building))
        {
            targets[node.Code] = 1;
        }
        _patrolTargets = targets.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public TopologyDocument Document { get; }

    /// <summary>Increases with every replace, so silos can tell a newer topology from theirs.</summary>
    public long Version { get; }

    public IReadOnlyList<string> Tops { get; }

    public IEnumerable<UnitNode> Units => _units.Values;

    public bool TryGet(string code, out UnitNode node) => _units.TryGetValue(code, out node!);

    public UnitNode? Find(string code) => _units.GetValueOrDefault(code);

    public WorkerSpec? Worker(string id) => _workers.GetValueOrDefault(id);

    public DeviceSpec? Device(string id) => _devices.GetValueOrDefault(id);

    public DepartmentSpec? Department(string code) => _departments.GetValueOrDefault(code);

    /// <summary>The departments serving <paramref name="unit"/>, in code order: the ones a department is ranked among.</summary>
    public IReadOnlyList<DepartmentSpec> DepartmentsServing(string unit) =>
        [.. _departments.Values.Where(d => d.Unit == unit).OrderBy(d => d.Code, StringComparer.Ordinal)];

    public IReadOnlyList<WorkerSpec> WorkersOf(string grid) => _workersByGrid.GetValueOrDefault(grid) ?? [];

    /// <summary>Patrol targets in a subtree: its buildings, and each grid that has none.</summary>
    public int PatrolTargetsOf(string code) => _patrolTargets.GetValueOrDefault(code);

    /// <summary>Whether <paramref name="code"/> is <paramref name="root"/> or lies beneath it.</summary>
    public bool IsWithin(string code, string root) =>
        _units.TryGetValue(code, out var node) && node.Path.Contains(root, StringComparer.Ordinal);
}
