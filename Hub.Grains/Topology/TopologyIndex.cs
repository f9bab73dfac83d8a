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

    private readonly FrozenDictionary<string, Patrol.PatrolPlan> _plans;

    // Plain dictionaries: a frozen one reads a little faster but takes many times longer to build,
    // and a province's million units are indexed on every start and every replace.
    private readonly Dictionary<string, UnitNode> _units;
    private readonly Dictionary<string, UnitSpec> _specs;
    private readonly Dictionary<string, WorkerSpec> _workers;
    private readonly Dictionary<string, IReadOnlyList<WorkerSpec>> _workersByGrid;
    private readonly Dictionary<string, DeviceSpec> _devices;
    private readonly FrozenDictionary<string, DepartmentSpec> _departments;
    private readonly Dictionary<string, int> _patrolTargets;

    /// <param name="doc">A document that <see cref="TopologyValidator"/> accepted.</param>
    /// <param name="plans">The patrol plans set on units (巡查计划), by unit code.</param>
    public TopologyIndex(TopologyDocument doc, long version, IReadOnlyDictionary<string, Patrol.PatrolPlan>? plans = null)
    {
        Document = doc;
        Version = version;
        _plans = (plans ?? new Dictionary<string, Patrol.PatrolPlan>()).ToFrozenDictionary(StringComparer.Ordinal);
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

        string? GridOf(UnitSpec u) => u.Level is UnitLevel.Microgrid or UnitLevel.Building
            ? PathOf(u).LastOrDefault(code => specs[code].Level == UnitLevel.Grid)
            : null;

        _units = doc.Units.ToDictionary(
            u => u.Code,
            u => new UnitNode(u.Code, u.Name, u.Level, u.Parent, children.GetValueOrDefault(u.Code) ?? [], PathOf(u), GridOf(u)),
            StringComparer.Ordinal);
        _specs = specs;
        _workers = doc.Workers.ToDictionary(w => w.Id, StringComparer.Ordinal);
        // A grid's workers are all who work in it; a micro-grid's, those who look after it.
        _workersByGrid = doc.Workers
            .GroupBy(w => w.Grid, StringComparer.Ordinal)
            .Concat(doc.Workers.Where(w => w.Microgrid is not null).GroupBy(w => w.Microgrid!, StringComparer.Ordinal))
            .ToDictionary(g => g.Key, g => (IReadOnlyList<WorkerSpec>)g.ToArray(), StringComparer.Ordinal);
        _devices = doc.Devices.ToDictionary(d => d.Id, StringComparer.Ordinal);
        _departments = doc.DepartmentList.ToFrozenDictionary(d => d.Code, StringComparer.Ordinal);
        Tops = doc.Units.Where(u => u.Parent is null).Select(u => u.Code).ToArray();
        // Patrol targets are the leaves inside grids: buildings, and a micro-grid or grid with none below it.
        var targets = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var node in _units.Values.Where(n => n.Level.IsGridHeld() && n.Children.Count == 0))
        {
            foreach (var code in node.Path)
            {
                targets[code] = targets.GetValueOrDefault(code) + 1;
            }
        }
        _patrolTargets = targets;
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

    /// <summary>The workers of a grid, or those looking after a micro-grid.</summary>
    public IReadOnlyList<WorkerSpec> WorkersOf(string unit) => _workersByGrid.GetValueOrDefault(unit) ?? [];

    /// <summary>The unit as the topology document gave it: its households, kind and category.</summary>
    public UnitSpec? Spec(string code) => _specs.GetValueOrDefault(code);

    /// <summary>
    /// The rungs an escalation or a red card climbs from the end of <paramref name="path"/>: the
    /// path without micro-grids above its last unit (a micro-grid is part of its grid's watch).
    /// </summary>
    public IReadOnlyList<string> Rungs(IReadOnlyList<string> path) =>
        path.Where((code, i) => i == path.Count - 1 || Find(code)?.Level != UnitLevel.Microgrid).ToArray();

    /// <summary>The patrol plan set on the unit itself, if any.</summary>
    public Patrol.PatrolPlan? PlanOn(string code) => _plans.GetValueOrDefault(code);

    /// <summary>The plan a unit follows: its own, else the nearest one above it; null with no plan on its path (the default applies).</summary>
    public (Patrol.PatrolPlan Plan, string From)? PlanOf(string code)
    {
        if (Find(code) is not { } node)
        {
            return null;
        }
        for (var i = node.Path.Count - 1; i >= 0; i--)
        {
            if (_plans.TryGetValue(node.Path[i], out var plan))
            {
                return (plan, node.Path[i]);
            }
        }
        return null;
    }

    /// <summary>The patrol targets under a unit (or the unit itself when it is one), each with the plan it follows.</summary>
    public IReadOnlyList<Patrol.PatrolTarget> TargetsUnder(string code, Patrol.PatrolPlan fallback)
    {
        var targets = new List<Patrol.PatrolTarget>();
        var next = new Stack<string>([code]);
        while (next.TryPop(out var current))
        {
            if (Find(current) is not { } node)
            {
                continue;
            }
            if (node.Children.Count == 0)
            {
                if (node.Level.IsGridHeld())
                {
                    targets.Add(new Patrol.PatrolTarget(node.Code, PlanOf(node.Code)?.Plan ?? fallback));
                }
                continue;
            }
            foreach (var child in node.Children)
            {
                next.Push(child);
            }
        }
        return targets;
    }

    /// <summary>Patrol targets in a subtree: the leaves inside its grids (buildings, and a micro-grid or grid with none below it).</summary>
    public int PatrolTargetsOf(string code) => _patrolTargets.GetValueOrDefault(code);

    /// <summary>Whether <paramref name="code"/> is <paramref name="root"/> or lies beneath it.</summary>
    public bool IsWithin(string code, string root) =>
        _units.TryGetValue(code, out var node) && node.Path.Contains(root, StringComparer.Ordinal);
}
