namespace Hub.Grains.Field;

/// <summary>
/// The photos of cases, kept apart from the cases themselves: in PostgreSQL, on disk
/// (<c>Hub:Photos:Directory</c>) or, without either, in memory. A field item's photos are stored
/// all or none, and once: a resent item finds them stored.
/// </summary>
public interface ICasePhotos
{
    /// <summary>Stores <paramref name="photos"/> of field item <paramref name="item"/>; nothing when that item's are stored already.</summary>
    Task Add(string alertId, string item, PhotoKind kind, IReadOnlyList<CasePhoto> photos, string by, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>The case's photos in the order they were stored.</summary>
    Task<IReadOnlyList<CasePhotoInfo>> List(string alertId, CancellationToken cancellationToken = default);

    /// <summary>The case's photo <paramref name="number"/> (from 1), or null.</summary>
    Task<(CasePhotoInfo Info, byte[] Bytes)?> Read(string alertId, int number, CancellationToken cancellationToken = default);

    /// <summary>Removes every photo stored before <paramref name="before"/> (an item's photos share their time); how many went.</summary>
    Task<int> Prune(DateTimeOffset before, CancellationToken cancellationToken = default);
}
