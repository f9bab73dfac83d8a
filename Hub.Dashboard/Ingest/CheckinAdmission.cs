using System.Globalization;
using System.Threading.RateLimiting;
using Hub.Dashboard.Access;
using Hub.Dashboard.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Hub.Dashboard.Ingest;

/// <summary>
/// Whether a batch of check-ins is taken on now: first a bound on requests being read at once
/// (503 before the body is read), then counted in check-ins rather than requests — each center key
/// has its own budget (429 past it), and the silo a bound on what it applies at once (503 past it). Both answer with Retry-After. Alerts never pass through here, so a flood of
/// patrol logs cannot hold back a gas leak.
/// </summary>
public sealed class CheckinAdmission : IDisposable
{
    private readonly ConcurrencyLimiter _requests;
    private readonly ConcurrencyLimiter _inFlight;
    private readonly ConcurrencyLimiter _gridCalls;
    private readonly int _maxGridCalls;
    private readonly PartitionedRateLimiter<string> _perKey;

    public CheckinAdmission(IOptions<IngestOptions> options)
    {
        var o = options.Value;
        _requests = new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = o.MaxCheckinRequests, QueueLimit = 0 });
        _inFlight = new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = o.MaxCheckinsInFlight, QueueLimit = 0 });
        _maxGridCalls = o.MaxGridCallsInFlight;
        _gridCalls = new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = o.MaxGridCallsInFlight, QueueLimit = 0 });
        _perKey = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = o.KeyCheckinBurst,
            TokensPerPeriod = o.KeyCheckinsPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
        }));
    }

    /// <summary>A lease to hold while the request is read and applied, or the answer refusing it before its body is read.</summary>
    public (IDisposable? Lease, IResult? Refused) Enter(HttpResponse response)
    {
        var lease = _requests.AttemptAcquire();
        if (lease.IsAcquired)
        {
            return (lease, null);
        }
        lease.Dispose();
        return (null, AtCapacity(response));
    }

    /// <summary>A lease to hold while the batch is applied, or the answer refusing it.</summary>
    /// <param name="gridCalls">How many grid calls applying the batch makes (one per grid it touches).</param>
    public (IDisposable? Lease, IResult? Refused) Admit(Caller caller, HttpResponse response, int count, int gridCalls)
    {
        if (caller.KeyId is { } key)
        {
            using var budget = _perKey.AttemptAcquire(key, count);
            if (!budget.IsAcquired)
            {
                var seconds = RetryAfter(budget, response);
                return (null, Problems.Of(StatusCodes.Status429TooManyRequests, "Too many requests",
                    $"this key has sent more check-ins than it may; try again in {seconds} s"));
            }
        }
        var lease = _inFlight.AttemptAcquire(count);
        if (!lease.IsAcquired)
        {
            lease.Dispose();
            return (null, AtCapacity(response));
        }
        // A batch over more grids than the whole bound takes the whole bound: it can still pass alone.
        var calls = _gridCalls.AttemptAcquire(Math.Min(gridCalls, _maxGridCalls));
        if (!calls.IsAcquired)
        {
            calls.Dispose();
            lease.Dispose();
            return (null, AtCapacity(response));
        }
        return (new Leases(lease, calls), null);
    }

    /// <summary>Both leases a batch holds while it is applied.</summary>
    private sealed class Leases(RateLimitLease items, RateLimitLease calls) : IDisposable
    {
        public void Dispose()
        {
            items.Dispose();
            calls.Dispose();
        }
    }

    private static IResult AtCapacity(HttpResponse response)
    {
        response.Headers.RetryAfter = "1";
        return Problems.Of(StatusCodes.Status503ServiceUnavailable, "At capacity",
            "the hub is applying as many check-ins as it takes at once; nothing of this batch was applied, try again in 1 s");
    }

    public void Dispose()
    {
        _requests.Dispose();
        _inFlight.Dispose();
        _gridCalls.Dispose();
        _perKey.Dispose();
    }

    private static int RetryAfter(RateLimitLease lease, HttpResponse response)
    {
        var seconds = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)) : 1;
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return seconds;
    }
}
