namespace Verdict.Server.Dashboard;

/// <summary>
/// Limits failed dashboard logins per remote address in fixed windows on the server's <see cref="TimeProvider"/>
/// (docs/dashboard.md, "Sessions"): after <see cref="MaxFailures"/> failed keys within <see cref="Window"/>, every login
/// from that address is answered 429 with <c>Retry-After</c> until the window ends — even with a right key, so guessing
/// cannot go on. At most <see cref="MaxAddresses"/> addresses are tracked; expired windows are dropped first.
/// </summary>
public sealed class LoginThrottle(TimeProvider time)
{
    /// <summary>Failed logins an address may make in one window.</summary>
    public const int MaxFailures = 10;

    /// <summary>Addresses tracked at once (memory bound).</summary>
    public const int MaxAddresses = 10_000;

    /// <summary>The window length.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private readonly object gate = new();
    private readonly Dictionary<string, (DateTimeOffset Start, int Failures)> windows = new(StringComparer.Ordinal);

    /// <summary>How long <paramref name="address"/> must wait, or null when it may try.</summary>
    public TimeSpan? RetryAfter(string address)
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            if (!windows.TryGetValue(address, out var w) || now - w.Start >= Window)
            {
                return null;
            }

            return w.Failures >= MaxFailures ? w.Start + Window - now : null;
        }
    }

    /// <summary>Counts one failed login from <paramref name="address"/>.</summary>
    public void Failed(string address)
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            if (windows.Count >= MaxAddresses && !windows.ContainsKey(address))
            {
                foreach (var stale in windows.Where(p => now - p.Value.Start >= Window).Select(p => p.Key).ToList())
                {
                    windows.Remove(stale);
                }

                if (windows.Count >= MaxAddresses)
                {
                    // Still full of live windows: forget the oldest rather than grow.
                    windows.Remove(windows.MinBy(p => p.Value.Start).Key);
                }
            }

            windows[address] = windows.TryGetValue(address, out var w) && now - w.Start < Window ? (w.Start, w.Failures + 1) : (now, 1);
        }
    }
}
