using Verdict.Assignment.Hashing;

namespace Verdict.AI.Judging;

/// <summary>
/// The online judge's sample: a trace is judged when the assignment hash of its id (SHA-256 of salt and id, the
/// byte-exact function of docs/assignment.md) falls in the first round(fraction × 10 000) of 10 000 buckets. A pure
/// function of (salt, trace id, fraction): a re-run samples the same traces, a larger fraction samples a superset.
/// </summary>
public static class TraceSample
{
    /// <summary>True when <paramref name="traceId"/> is in the <paramref name="fraction"/> sample under <paramref name="salt"/>.</summary>
    public static bool Includes(string salt, string traceId, double fraction)
    {
        ArgumentNullException.ThrowIfNull(salt);
        ArgumentNullException.ThrowIfNull(traceId);
        return AssignmentHash.Bucket(salt, traceId) < AssignmentHash.ToBuckets(fraction);
    }
}
