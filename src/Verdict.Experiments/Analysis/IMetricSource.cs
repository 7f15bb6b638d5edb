namespace Verdict.Experiments.Analysis;

/// <summary>Computes a brief's sufficient statistics where the data lives (a store compiles them to SQL).</summary>
public interface IMetricSource
{
    /// <summary>Loads the aggregates for <paramref name="brief"/>, counting only data at or before <paramref name="asOf"/>.</summary>
    Task<MetricData> LoadAsync(ExperimentBrief brief, DateTimeOffset? asOf, CancellationToken cancellationToken = default);
}
