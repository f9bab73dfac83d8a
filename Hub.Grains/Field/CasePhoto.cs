namespace Hub.Grains.Field;

/// <summary>A photo sent with a field report or a verification (核查), as it is stored.</summary>
public sealed record CasePhoto(string ContentType, byte[] Bytes);

/// <summary>What a case's photo is: taken with the report, or at the check of the fix.</summary>
public enum PhotoKind
{
    Report,
    Verify,
}

/// <summary>One stored photo of a case, without its bytes.</summary>
/// <param name="Number">Its place among the case's photos, from 1, in the order they were stored.</param>
/// <param name="Item">The field item (report or verification) it came with.</param>
public sealed record CasePhotoInfo(int Number, string Item, PhotoKind Kind, string ContentType, int Length, DateTimeOffset At, string By);
