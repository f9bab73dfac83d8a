using System.Security.Cryptography;
using System.Text;
using Hub.Grains.Storage;

namespace Hub.Grains.Access;

public sealed class EnrolmentGrain(
    [PersistentState("enrolment", HubStorage.Name)] IPersistentState<EnrolmentState> state) : Grain, IEnrolmentGrain
{
    public async Task Issue(string codeDigest, DateTimeOffset expiresAt, string issuedBy)
    {
        state.State = new EnrolmentState { CodeDigest = codeDigest, ExpiresAt = expiresAt, IssuedBy = issuedBy };
        await Durably.Write(this, state.WriteStateAsync);
    }

    public async Task<EnrolmentRedeemed> Redeem(string codeDigest, DateTimeOffset now)
    {
        var kept = state.State;
        if (kept.CodeDigest is not { } digest || kept.ExpiresAt <= now)
        {
            return new EnrolmentRedeemed(false, null);
        }
        var right = CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(digest), Encoding.ASCII.GetBytes(codeDigest));
        // Used, or guessed at too often: either way the code is spent.
        state.State = right || kept.Failures + 1 >= IEnrolmentGrain.MaxFailures
            ? new EnrolmentState()
            : new EnrolmentState { CodeDigest = digest, ExpiresAt = kept.ExpiresAt, IssuedBy = kept.IssuedBy, Failures = kept.Failures + 1 };
        await Durably.Write(this, state.WriteStateAsync);
        return new EnrolmentRedeemed(right, right ? kept.IssuedBy : null);
    }
}

/// <summary>The outstanding code of one worker, if any. The alias is the stored type name: keep it stable.</summary>
[GenerateSerializer, Alias("hub.enrolment-state.v1")]
public sealed class EnrolmentState
{
    [Id(0)]
    public string? CodeDigest { get; set; }

    [Id(1)]
    public DateTimeOffset ExpiresAt { get; set; }

    [Id(2)]
    public string? IssuedBy { get; set; }

    [Id(3)]
    public int Failures { get; set; }
}
