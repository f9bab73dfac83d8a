namespace Hub.Grains.Topology;

/// <summary>
/// Cuts a topology into pieces of at most <see cref="Size"/> entries of each list, and joins them
/// again in order. A province (about a million units) is too large for one message or one stored
/// row; its pieces travel and are stored one by one.
/// </summary>
public static class TopologyPieces
{
    /// <summary>Entries of each list per piece: about a megabyte of units.</summary>
    public const int Size = 10_000;

    public static IReadOnlyList<TopologyDocument> Split(TopologyDocument document, int size = Size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        var departments = document.DepartmentList;
        var count = Math.Max(1, new[] { document.Units.Count, document.Workers.Count, document.Devices.Count, departments.Count }
            .Max(n => (n + size - 1) / size));
        return Enumerable.Range(0, count)
            .Select(i => new TopologyDocument(Slice(document.Units, i, size), Slice(document.Workers, i, size), Slice(document.Devices, i, size), Slice(departments, i, size)))
            .ToArray();
    }

    /// <summary>The document the pieces were cut from, given in their order.</summary>
    public static TopologyDocument Join(IReadOnlyList<TopologyDocument> pieces)
    {
        if (pieces.Count == 1)
        {
            return pieces[0];
        }
        var units = new List<UnitSpec>(pieces.Sum(p => p.Units.Count));
        var workers = new List<WorkerSpec>(pieces.Sum(p => p.Workers.Count));
        var devices = new List<DeviceSpec>(pieces.Sum(p => p.Devices.Count));
        var departments = new List<DepartmentSpec>();
        foreach (var piece in pieces)
        {
            units.AddRange(piece.Units);
            workers.AddRange(piece.Workers);
            devices.AddRange(piece.Devices);
            departments.AddRange(piece.DepartmentList);
        }
        return new TopologyDocument(units, workers, devices, departments);
    }

    private static T[] Slice<T>(IReadOnlyList<T> list, int piece, int size)
    {
        var start = piece * size;
        if (start >= list.Count)
        {
            return [];
        }
        var slice = new T[Math.Min(size, list.Count - start)];
        for (var i = 0; i < slice.Length; i++)
        {
            slice[i] = list[start + i];
        }
        return slice;
    }
}
