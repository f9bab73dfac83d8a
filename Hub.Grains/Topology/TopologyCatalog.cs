namespace Hub.Grains.Topology;

/// <summary>
/// This silo's copy of the topology. Read on every request and by every grain without a call;
/// replaced whole when a newer version appears (<see cref="TopologySync"/>).
/// </summary>
public sealed class TopologyCatalog
{
    private volatile TopologyIndex _current = TopologyIndex.Empty;

    public TopologyIndex Current => _current;

    /// <returns>Whether <paramref name="index"/> was newer and is now current.</returns>
    public bool Offer(TopologyIndex index)
    {
        while (true)
        {
            var known = _current;
            if (index.Version <= known.Version)
            {
                return false;
            }
            if (Interlocked.CompareExchange(ref _current, index, known) == known)
            {
                return true;
            }
        }
    }
}
