using Verdict.Experiments.Analysis;
using Verdict.Experiments.Briefs;

namespace Verdict.Storage.Sql;

/// <summary>The analysis SQL restricted to units whose outcome windows have closed (docs/bandits.md, "Delayed rewards").</summary>
public sealed partial class SqlMetricSource
{
    /// <summary>
    /// The units first exposed at or before <paramref name="exposedBy"/>, with their events up to <paramref name="asOf"/>
    /// (all events when null): with <paramref name="exposedBy"/> = as-of − the metric's <c>within</c>, every counted unit's
    /// window has closed, so a reward that has not arrived yet is never read as a failure.
    /// </summary>
    public MetricData LoadClosed(ExperimentBrief brief, DateTimeOffset exposedBy, DateTimeOffset? asOf)
    {
        ArgumentNullException.ThrowIfNull(brief);
        var limit = asOf is { } t ? EventLoader.ToMicroseconds(t) : long.MaxValue;
        return Compute(ResolvedPlan.From(brief), limit, null, Math.Min(EventLoader.ToMicroseconds(exposedBy), limit));
    }
}
