namespace Verdict.Arena.Providers;

/// <summary>
/// What one arena call measured on its way through the pipeline: HTTP attempts, the latency of the last attempt and
/// whether the cache answered. The caller starts a record (<see cref="Start"/>); the handler and the cache below it
/// write to <see cref="Current"/>, which flows with the call's async context and with no other call's.
/// </summary>
internal sealed class CallRecord
{
    private static readonly AsyncLocal<CallRecord?> Ambient = new();

    /// <summary>The record of the call running in this async context, if any.</summary>
    public static CallRecord? Current => Ambient.Value;

    /// <summary>HTTP attempts sent (retries included).</summary>
    public int Attempts { get; set; }

    /// <summary>Latency of the last attempt in milliseconds, or the one recorded with a cached reply.</summary>
    public double LatencyMs { get; set; } = double.NaN;

    /// <summary>True when the reply came from the cache.</summary>
    public bool Cached { get; set; }

    /// <summary>Starts a record for the call about to run in this async context.</summary>
    public static CallRecord Start()
    {
        var record = new CallRecord();
        Ambient.Value = record;
        return record;
    }
}
