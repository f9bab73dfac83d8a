using System.Net;
using Microsoft.Extensions.Logging;

namespace Hub.Dashboard.Access;

/// <summary>
/// The security trail an operator reads in the hub's log (category <c>Hub.Security</c>): who signed
/// in or failed to, from where, who was locked out, and every change an admin makes to people and
/// keys. It names people, keys and addresses, never a password, token or key secret, and only
/// values already checked to be plain codes, so no line can be forged through it.
/// </summary>
public sealed partial class SecurityLog(ILoggerFactory loggers)
{
    public const string Category = "Hub.Security";

    private readonly ILogger _log = loggers.CreateLogger(Category);

    public static string AddressOf(IPAddress? address) => address?.ToString() ?? "unknown";

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "sign-in: user '{User}' ({Role}) signed in from {Address}")]
    public partial void SignedIn(string user, string role, string address);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning, Message = "sign-in: refused user '{User}' from {Address} (wrong user name or password, or disabled)")]
    public partial void SignInRefused(string user, string address);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "sign-in: user '{User}' is locked for {Seconds} s after failed sign-ins; refused from {Address}")]
    public partial void SignInLocked(string user, int seconds, string address);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Information, Message = "sign-out: user '{User}'")]
    public partial void SignedOut(string user);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Information, Message = "password: user '{User}' changed their password from {Address}; their other sessions are ended")]
    public partial void PasswordChanged(string user, string address);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Warning, Message = "password: refused a change by user '{User}' from {Address} (wrong current password)")]
    public partial void PasswordChangeRefused(string user, string address);

    [LoggerMessage(EventId = 5010, Level = LogLevel.Information, Message = "users: '{By}' created user '{User}' ({Role}, scope {Scope})")]
    public partial void UserCreated(string by, string user, string role, string scope);

    [LoggerMessage(EventId = 5011, Level = LogLevel.Warning, Message = "users: '{By}' reset the password of user '{User}'; their sessions are ended")]
    public partial void PasswordReset(string by, string user);

    [LoggerMessage(EventId = 5012, Level = LogLevel.Warning, Message = "users: '{By}' disabled user '{User}'; their sessions are ended")]
    public partial void UserDisabled(string by, string user);

    [LoggerMessage(EventId = 5013, Level = LogLevel.Information, Message = "users: '{By}' enabled user '{User}'")]
    public partial void UserEnabled(string by, string user);

    [LoggerMessage(EventId = 5014, Level = LogLevel.Information, Message = "enrolment: '{By}' issued an enrolment code for worker '{Worker}'")]
    public partial void EnrolmentIssued(string by, string worker);

    [LoggerMessage(EventId = 5015, Level = LogLevel.Information, Message = "enrolment: worker '{Worker}' enrolled from {Address} with a code issued by '{By}'")]
    public partial void Enrolled(string worker, string by, string address);

    [LoggerMessage(EventId = 5016, Level = LogLevel.Warning, Message = "enrolment: refused worker '{Worker}' from {Address} (wrong, used or expired code)")]
    public partial void EnrolmentRefused(string worker, string address);

    [LoggerMessage(EventId = 5020, Level = LogLevel.Information, Message = "keys: '{By}' created API key {Key} (scope {Scope})")]
    public partial void KeyCreated(string by, string key, string scope);

    [LoggerMessage(EventId = 5021, Level = LogLevel.Warning, Message = "keys: '{By}' revoked API key {Key}")]
    public partial void KeyRevoked(string by, string key);

    [LoggerMessage(EventId = 5022, Level = LogLevel.Warning, Message = "keys: refused an unknown, revoked or malformed X-Api-Key from {Address}")]
    public partial void KeyRefused(string address);
}
