namespace Hub.Grains.Access;

/// <summary>
/// A grid worker's one-time enrolment code, keyed by the worker's id: an officer issues it, the
/// worker redeems it once on their phone to set their own password. Kept only as a digest.
/// </summary>
[Alias("hub.IEnrolmentGrain")]
public interface IEnrolmentGrain : IGrainWithStringKey
{
    /// <summary>Wrong codes a code survives; the next one voids it, so eight digits cannot be guessed.</summary>
    public const int MaxFailures = 5;

    /// <summary>Replaces any code issued before.</summary>
    [Alias("issue")]
    Task Issue(string codeDigest, DateTimeOffset expiresAt, string issuedBy);

    /// <summary>True once, for the right code before it expires; a wrong one counts toward <see cref="MaxFailures"/>.</summary>
    [Alias("redeem")]
    Task<EnrolmentRedeemed> Redeem(string codeDigest, DateTimeOffset now);
}

/// <param name="IssuedBy">Who issued the code that was redeemed; null when none was.</param>
[GenerateSerializer, Immutable, Alias("hub.enrolment-redeemed")]
public sealed record EnrolmentRedeemed(bool Redeemed, string? IssuedBy);
