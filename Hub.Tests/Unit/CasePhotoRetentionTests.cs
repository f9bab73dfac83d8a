using Hub.Grains.Field;
using Hub.Silo.Storage.Disk;
using Hub.Silo.Storage.Memory;
using Hub.Tests.Support;

namespace Hub.Tests.Unit;

/// <summary>
/// Photos past their retention go, an item's photos together, on disk (a real folder) and in memory;
/// what stays is numbered from 1 again, and a case left without photos leaves no folder behind.
/// </summary>
public sealed class CasePhotoRetentionTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 10, 0, 0, TimeSpan.FromHours(8));

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"hub-photos-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static CasePhoto Photo(byte shade) => new("image/png", TestImages.Png(40, 30, (shade, shade, shade)));

    public static TheoryData<string> Stores => ["disk", "memory"];

    private ICasePhotos Store(string kind) => kind == "disk" ? new DiskPhotos(_folder) : new MemoryPhotos();

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Photos_taken_before_the_cut_go_and_the_rest_stay_numbered_from_one(string kind)
    {
        var photos = Store(kind);
        await photos.Add("A-OLD", "r1", PhotoKind.Report, [Photo(10), Photo(20)], "w1", Now.AddDays(-40));
        await photos.Add("A-MIXED", "r2", PhotoKind.Report, [Photo(30)], "w1", Now.AddDays(-31));
        await photos.Add("A-MIXED", "v1", PhotoKind.Verify, [Photo(40)], "w1", Now.AddDays(-29));

        Assert.Equal(3, await photos.Prune(Now.AddDays(-30)));

        Assert.Empty(await photos.List("A-OLD"));
        var kept = await photos.List("A-MIXED");
        Assert.Equal([(1, "v1", PhotoKind.Verify)], kept.Select(p => (p.Number, p.Item, p.Kind)));
        Assert.Equal(Photo(40).Bytes, (await photos.Read("A-MIXED", 1))!.Value.Bytes);
        Assert.Null(await photos.Read("A-MIXED", 2));
        // Nothing more to remove the second time.
        Assert.Equal(0, await photos.Prune(Now.AddDays(-30)));
        if (kind == "disk")
        {
            Assert.False(Directory.Exists(Path.Combine(_folder, "A-OLD")));
            Assert.Equal(["v1-1.img", "v1.photos.json"], Directory.EnumerateFiles(Path.Combine(_folder, "A-MIXED")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task On_disk_a_record_that_cannot_be_read_stops_only_its_own_case_and_the_others_are_pruned()
    {
        var photos = new DiskPhotos(_folder);
        await photos.Add("A-BAD", "r1", PhotoKind.Report, [Photo(10)], "w1", Now.AddDays(-40));
        await File.WriteAllTextAsync(Path.Combine(_folder, "A-BAD", "r9.photos.json"), "{ not json");
        // Several good cases, so that some lie after the bad one in whatever order the folder lists them.
        string[] good = ["A-OLD1", "A-OLD2", "A-OLD3", "A-OLD4", "A-OLD5"];
        foreach (var alert in good)
        {
            await photos.Add(alert, "r1", PhotoKind.Report, [Photo(20), Photo(30)], "w1", Now.AddDays(-40));
        }

        // The bad case's readable item may go too, depending on the order of its files.
        Assert.InRange(await photos.Prune(Now.AddDays(-30)), 10, 11);

        Assert.All(good, alert => Assert.False(Directory.Exists(Path.Combine(_folder, alert))));
        Assert.True(File.Exists(Path.Combine(_folder, "A-BAD", "r9.photos.json")));
    }

    [Fact]
    public async Task On_disk_an_image_no_record_names_goes_only_once_it_cannot_be_an_item_being_stored()
    {
        var photos = new DiskPhotos(_folder);
        await photos.Add("A-1", "r1", PhotoKind.Report, [Photo(10)], "w1", Now);
        var folder = Path.Combine(_folder, "A-1");
        // Left by a crash between an old item's record and its images, and one being written now.
        var (stale, fresh) = (Path.Combine(folder, "gone-1.img"), Path.Combine(folder, "coming-1.img"));
        await File.WriteAllBytesAsync(stale, Photo(1).Bytes);
        await File.WriteAllBytesAsync(fresh, Photo(2).Bytes);
        File.SetLastWriteTimeUtc(stale, DateTime.UtcNow.AddHours(-2));

        Assert.Equal(0, await photos.Prune(Now.AddDays(-30)));

        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(fresh));
        Assert.Single(await photos.List("A-1"));
    }
}
