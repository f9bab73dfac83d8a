using Hub.Dashboard.Access;
using Hub.Grains.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Hub.Tests.Unit;

public class PasswordsTests
{
    private static readonly Passwords Passwords = new();

    private static UserAccount Account(string hash) => new("li", Role.Officer, "*", hash, false, DateTimeOffset.UtcNow, "admin", DateTimeOffset.UtcNow);

    /// <summary>The iteration count a hash records (the hasher's V3 format: marker, function, count, all big-endian).</summary>
    private static int IterationsOf(string hash)
    {
        var bytes = Convert.FromBase64String(hash);
        Assert.Equal(0x01, bytes[0]);
        return (bytes[5] << 24) | (bytes[6] << 16) | (bytes[7] << 8) | bytes[8];
    }

    [Fact]
    public async Task New_hashes_use_owasps_count_and_verify()
    {
        var hash = Passwords.Hash("correct-horse-battery");
        Assert.Equal(210_000, IterationsOf(hash));
        Assert.Equal(PasswordCheck.Right, await Passwords.Verify(Account(hash), "correct-horse-battery"));
        Assert.Equal(PasswordCheck.Wrong, await Passwords.Verify(Account(hash), "correct-horse-batterY"));
        Assert.Equal(PasswordCheck.Wrong, await Passwords.Verify(null, "correct-horse-battery"));
    }

    [Fact]
    public async Task A_hash_made_with_fewer_iterations_still_verifies_and_asks_to_be_made_again()
    {
        var older = new PasswordHasher<UserAccount>(Options.Create(new PasswordHasherOptions { IterationCount = 100_000 })).HashPassword(null!, "correct-horse-battery");
        Assert.Equal(100_000, IterationsOf(older));
        Assert.Equal(PasswordCheck.RightButWeaklyHashed, await Passwords.Verify(Account(older), "correct-horse-battery"));
        Assert.Equal(PasswordCheck.Wrong, await Passwords.Verify(Account(older), "wrong-horse-battery"));
    }
}
