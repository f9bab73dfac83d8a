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

    public Task<(CasePhotoInfo Info, byte[] Bytes)?> Read(string alertId, int number, CancellationToken cancellationToken = default)
    {
        lock (_byAlert)
        {
            return Task.FromResult<(CasePhotoInfo, byte[])?>(
                _byAlert.TryGetValue(alertId, out var kept) && number >= 1 && number <= kept.Count ? kept[number - 1] : null);
        }
    }
}
