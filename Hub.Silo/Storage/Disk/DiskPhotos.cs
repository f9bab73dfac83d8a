using System.Text.Json;
using Hub.Grains.Field;

namespace Hub.Silo.Storage.Disk;

/// <summary>
/// Case photos as files under <c>Hub:Photos:Directory</c>, one folder per case: each item's images,
/// then its record, written last and renamed into place, so a crash leaves an item stored whole or
/// not at all. Every silo must see the same directory (a shared volume) when there are several.
/// </summary>
public sealed class DiskPhotos(string root, ILogger<DiskPhotos>? logger = null) : ICasePhotos
{
    private const string RecordSuffix = ".photos.json";

    /// <summary>Longer than any item takes to store.</summary>
    private static readonly TimeSpan Unfinished = TimeSpan.FromHours(1);

    public Task Add(string alertId, string item, PhotoKind kind, IReadOnlyList<CasePhoto> photos, string by, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        Unavailable(() => Store(alertId, item, kind, photos, by, at, cancellationToken));

    public Task<IReadOnlyList<CasePhotoInfo>> List(string alertId, CancellationToken cancellationToken = default) =>
        Unavailable<IReadOnlyList<CasePhotoInfo>>(async () => [.. (await Items(alertId, cancellationToken)).Select(p => p.Info)]);

    public Task<(CasePhotoInfo Info, byte[] Bytes)?> Read(string alertId, int number, CancellationToken cancellationToken = default) =>
        Unavailable(() => Load(alertId, number, cancellationToken));

    public Task<int> Prune(DateTimeOffset before, CancellationToken cancellationToken = default) =>
        Unavailable(() => Remove(before, cancellationToken));

    /// <summary>
    /// An old item's record goes first, so that it is gone at once for readers; then its images, and
    /// a case's folder once empty. A crash between leaves images no record names, removed next time;
    /// an image no record names that is younger than <see cref="Unfinished"/> may be an item being
    /// stored (images first, record last) and is left alone.
    /// </summary>
    private async Task<int> Remove(DateTimeOffset before, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(root))
        {
            return 0;
        }
        var removed = 0;
        foreach (var folder in Directory.EnumerateDirectories(root).ToList())
        {
            try
            {
                removed += await RemoveFrom(folder, before, cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
            {
                // Another silo pruning the shared folder at the same moment, or a record that cannot
                // be read: this case waits for the next run, and the others go on.
                logger?.LogWarning(e, "Photos of case folder {Folder} not pruned this time", Path.GetFileName(folder));
            }
        }
        return removed;
    }

    private static async Task<int> RemoveFrom(string folder, DateTimeOffset before, CancellationToken cancellationToken)
    {
        var removed = 0;
        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in Directory.EnumerateFiles(folder, "*" + RecordSuffix).ToList())
        {
            StoredItem? item;
            await using (var stream = File.OpenRead(record))
            {
                item = await JsonSerializer.DeserializeAsync<StoredItem>(stream, cancellationToken: cancellationToken);
            }
            if (item is not { Photos: not null })
            {
                throw new JsonException($"{Path.GetFileName(record)} names no photos");
            }
            if (item.At >= before)
            {
                named.UnionWith(item.Photos.Select(p => p.File));
                continue;
            }
            File.Delete(record);
            foreach (var photo in item.Photos)
            {
                File.Delete(Path.Combine(folder, photo.File));
            }
            removed += item.Photos.Count;
        }
        var orphans = Directory.EnumerateFiles(folder)
            .Where(f => !f.EndsWith(RecordSuffix, StringComparison.Ordinal) && !named.Contains(Path.GetFileName(f)))
            .Where(f => DateTime.UtcNow - File.GetLastWriteTimeUtc(f) > Unfinished)
            .ToList();
        foreach (var image in orphans)
        {
            File.Delete(image);
        }
        if (!Directory.EnumerateFileSystemEntries(folder).Any())
        {
            Directory.Delete(folder);
        }
        return removed;
    }

    private async Task Store(string alertId, string item, PhotoKind kind, IReadOnlyList<CasePhoto> photos, string by, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateDirectory(Path.Combine(root, Safe(alertId))).FullName;
        var record = Path.Combine(folder, Safe(item) + RecordSuffix);
        if (File.Exists(record))
        {
            return;
        }
        var files = new List<StoredPhoto>();
        for (var i = 0; i < photos.Count; i++)
        {
            var name = $"{Safe(item)}-{i + 1}.img";
            await Write(Path.Combine(folder, name), photos[i].Bytes, cancellationToken);
            files.Add(new StoredPhoto(name, photos[i].ContentType, photos[i].Bytes.Length));
        }
        await Write(record, JsonSerializer.SerializeToUtf8Bytes(new StoredItem(item, kind, by, at, files)), cancellationToken);
    }

    private async Task<(CasePhotoInfo Info, byte[] Bytes)?> Load(string alertId, int number, CancellationToken cancellationToken)
    {
        var items = await Items(alertId, cancellationToken);
        if (number < 1 || number > items.Count)
        {
            return null;
        }
        var (info, file) = items[number - 1];
        return (info, await File.ReadAllBytesAsync(Path.Combine(root, Safe(alertId), file), cancellationToken));
    }

    private async Task<List<(CasePhotoInfo Info, string File)>> Items(string alertId, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(root, Safe(alertId));
        if (!Directory.Exists(folder))
        {
            return [];
        }
        var items = new List<StoredItem>();
        foreach (var record in Directory.EnumerateFiles(folder, "*" + RecordSuffix))
        {
            await using var stream = File.OpenRead(record);
            items.Add((await JsonSerializer.DeserializeAsync<StoredItem>(stream, cancellationToken: cancellationToken))!);
        }
        return [.. items.OrderBy(i => i.At).ThenBy(i => i.Item, StringComparer.Ordinal)
            .SelectMany(i => i.Photos.Select(p => (i, p)))
            .Select((e, n) => (new CasePhotoInfo(n + 1, e.i.Item, e.i.Kind, e.p.ContentType, e.p.Length, e.i.At, e.i.By), e.p.File))];
    }

    /// <summary>A disk that is full, gone or not writable is storage unavailable (503, try again), as a database away is.</summary>
    private static async Task<T> Unavailable<T>(Func<Task<T>> work)
    {
        try
        {
            return await work();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new Hub.Grains.Storage.StorageUnavailableException($"the photo directory cannot be used: {e.Message}", e);
        }
    }

    private static Task<bool> Unavailable(Func<Task> work) => Unavailable(async () =>
    {
        await work();
        return true;
    });

    /// <summary>Written beside, flushed, then renamed into place: readers see the whole file or none.</summary>
    private static async Task Write(string path, byte[] bytes, CancellationToken cancellationToken)
    {
        var partial = path + ".partial";
        await using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 81920, FileOptions.WriteThrough))
        {
            await file.WriteAsync(bytes, cancellationToken);
            file.Flush(flushToDisk: true);
        }
        File.Move(partial, path, overwrite: true);
    }

    /// <summary>Alert ids and item ids are codes already; anything else is kept out of the path.</summary>
    private static string Safe(string name) => string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));

    private sealed record StoredItem(string Item, PhotoKind Kind, string By, DateTimeOffset At, IReadOnlyList<StoredPhoto> Photos);

    private sealed record StoredPhoto(string File, string ContentType, int Length);
}
