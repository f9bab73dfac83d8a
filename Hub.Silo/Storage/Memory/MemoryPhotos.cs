using Hub.Grains.Field;

namespace Hub.Silo.Storage.Memory;

/// <summary>Case photos in this process's memory: for the demo and for a hub without PostgreSQL or a photo directory.</summary>
public sealed class MemoryPhotos : ICasePhotos
{
    private readonly Dictionary<string, List<(CasePhotoInfo Info, byte[] Bytes)>> _byAlert = new(StringComparer.Ordinal);

    public Task Add(string alertId, string item, PhotoKind kind, IReadOnlyList<CasePhoto> photos, string by, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        lock (_byAlert)
        {
            if (!_byAlert.TryGetValue(alertId, out var kept))
            {
                _byAlert[alertId] = kept = [];
            }
            if (kept.All(p => p.Info.Item != item))
            {
                var first = kept.Count + 1;
                kept.AddRange([.. photos.Select((p, i) => (new CasePhotoInfo(first + i, item, kind, p.ContentType, p.Bytes.Length, at, by), p.Bytes))]);
            }
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<CasePhotoInfo>> List(string alertId, CancellationToken cancellationToken = default)
    {
        lock (_byAlert)
        {
            return Task.FromResult<IReadOnlyList<CasePhotoInfo>>(_byAlert.TryGetValue(alertId, out var kept) ? [.. kept.Select(p => p.Info)] : []);
        }
    }

    public Task<int> Prune(DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        var removed = 0;
        lock (_byAlert)
        {
            foreach (var (alert, kept) in _byAlert.ToList())
            {
                var gone = kept.RemoveAll(p => p.Info.At < before);
                removed += gone;
                if (kept.Count == 0)
                {
                    _byAlert.Remove(alert);
                }
                else if (gone > 0)
                {
                    // Numbers are places in the case's list, as the other stores count them.
                    _byAlert[alert] = [.. kept.Select((p, i) => (p.Info with { Number = i + 1 }, p.Bytes))];
                }
            }
        }
        return Task.FromResult(removed);
    }

    public Task<(CasePhotoInfo Info, byte[] Bytes)?> Read(string alertId, int number, CancellationToken cancellationToken = default)
    {
        lock (_byAlert)
        {
            return Task.FromResult<(CasePhotoInfo, byte[])?>(
                _byAlert.TryGetValue(alertId, out var kept) && number >= 1 && number <= kept.Count ? kept[number - 1] : null);
        }
    }
}
