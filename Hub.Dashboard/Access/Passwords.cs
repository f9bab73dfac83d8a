using Hub.Grains.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Hub.Dashboard.Access;

/// <summary>Password rules and hashing (ASP.NET Core Identity's PBKDF2 hasher: salted, slow, versioned).</summary>
public sealed class Passwords
{
    public const int MinLength = 12, MaxLength = 128;

    /// <summary>
    /// OWASP's current advice for PBKDF2-HMAC-SHA512, the hasher's function (Password Storage Cheat
    /// Sheet, 2023: 210,000). Each hash records its count, so older hashes still verify and are
    /// upgraded at their owner's next sign-in.
    /// </summary>
    public const int Iterations = 210_000;

    private readonly PasswordHasher<UserAccount> _hasher = new(Options.Create(new PasswordHasherOptions { IterationCount = Iterations }));

    // Checked when the user does not exist, so a wrong name costs the same time as a wrong password.
    private readonly string _decoy;

    public Passwords() => _decoy = _hasher.HashPassword(null!, Secrets.NewToken());

    /// <summary>What is wrong with a new password, or null.</summary>
    public static string? Problem(string password) => password.Length switch
    {
        < MinLength => $"the password must have at least {MinLength} characters",
        > MaxLength => $"the password must have at most {MaxLength} characters",
        _ => null,
    };

    /// <summary>A new password from a request body's field, checked against the rules (an error on the field if not).</summary>
    public static string? ReadNew(Wire.JsonFields fields, string name = "password")
    {
        var password = fields.Text(name, maxLength: MaxLength);
        if (password is not null && Problem(password) is { } problem)
        {
            fields.Error(name, problem);
            return null;
        }
        return password;
    }

    public string Hash(string password) => _hasher.HashPassword(null!, password);

    /// <summary>Checks off the calling thread's turn (the hash is slow on purpose); a missing account never matches.</summary>
    public Task<PasswordCheck> Verify(UserAccount? account, string password) => Task.Run(() =>
        (_hasher.VerifyHashedPassword(null!, account?.PasswordHash ?? _decoy, password), account) switch
        {
            (_, null) or (PasswordVerificationResult.Failed, _) => PasswordCheck.Wrong,
            (PasswordVerificationResult.SuccessRehashNeeded, _) => PasswordCheck.RightButWeaklyHashed,
            _ => PasswordCheck.Right,
        });
}

public enum PasswordCheck
{
    Wrong,
    Right,

    /// <summary>Right, under a hash made with fewer iterations than today's: hash it again.</summary>
    RightButWeaklyHashed,
}
