namespace Verdict.Experiments.Analysis;

/// <summary>Computes a brief's sufficient statistics where the data lives (a store compiles them to SQL).</summary>
public interface IMetricSource
{
    /// <summary>
    /// Loads the aggregates for <paramref name="plan"/>'s brief, counting only data at or before <paramref name="asOf"/>;
    /// clustering and burn-in are read from the plan.
    /// </summary>
    Task<MetricData> LoadAsync(ResolvedPlan plan, DateTimeOffset? asOf, CancellationToken cancellationToken = default);
}
