using Verdict.Experiments.Briefs;
using Verdict.Statistics.Inference;
using Verdict.Statistics.Quantiles;
using Verdict.Statistics.SufficientStatistics;
using Verdict.Statistics.VarianceReduction;

namespace Verdict.Experiments.Analysis;

/// <summary>Where a cell of sufficient statistics belongs: the whole arm, one segment value, or one enrollment day.</summary>
public enum CellScope
{
    /// <summary>All analysed units of the arm.</summary>
    Overall,

    /// <summary>Units whose segment attribute has one value.</summary>
    Segment,

    /// <summary>Units first exposed on one UTC day (for novelty).</summary>
    Day,
}

/// <summary>
/// Sufficient statistics of one metric in one arm and scope. For mean-like metrics y is the per-unit value and x the
/// pre-period covariate (0 when none); for ratio metrics y is the numerator and x the denominator.
/// </summary>
public sealed record MetricCell(string Metric, string Arm, CellScope Scope, string? ScopeName, string? ScopeValue, BivariateMoments Moments)
{
    /// <summary>The cell's key.</summary>
    public CellKey Key => new(Metric, Arm, Scope, ScopeName, ScopeValue);
}

/// <summary>One arm's quantile of a quantile metric (overall or in one segment value), from SQL order statistics.</summary>
public sealed record QuantileCell(string Metric, string Arm, CellScope Scope, string? ScopeName, string? ScopeValue, QuantileEstimate Estimate)
{
    /// <summary>The cell's key.</summary>
    public CellKey Key => new(Metric, Arm, Scope, ScopeName, ScopeValue);
}

/// <summary>Counts that integrity checks need: units per arm (and segment), exclusions and receipt mismatches.</summary>
public sealed record PopulationSummary
{
    /// <summary>Analysed units per arm (after exclusions).</summary>
    public required IReadOnlyDictionary<string, long> UnitsPerArm { get; init; }

    /// <summary>Analysed units per segment name, value and arm.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>>> UnitsPerSegment { get; init; }

    /// <summary>Clusters per arm when the brief randomizes clusters (the sample-ratio test counts these); otherwise null.</summary>
    public IReadOnlyDictionary<string, long>? ClustersPerArm { get; init; }

    /// <summary>Units exposed to more than one arm (excluded from the analysis).</summary>
    public long MultiArmUnits { get; init; }

    /// <summary>Units first exposed inside the burn-in window (excluded).</summary>
    public long BurnInUnits { get; init; }

    /// <summary>Exposures per arm whose receipt hash differs from the arm's registered receipt.</summary>
    public required IReadOnlyDictionary<string, long> ReceiptMismatches { get; init; }

    /// <summary>Exposures with an arm the brief does not declare.</summary>
    public long UnknownArmExposures { get; init; }

    /// <summary>The first exposure's time, when there is any.</summary>
    public DateTimeOffset? FirstExposure { get; init; }

    /// <summary>The last exposure's time, when there is any.</summary>
    public DateTimeOffset? LastExposure { get; init; }

    /// <summary>
    /// How many events of each name the brief's metrics read are in the store (up to the as-of time), or null when the
    /// source does not say. A metric none of whose events occur has nothing to test.
    /// </summary>
    public IReadOnlyDictionary<string, long>? EventsByName { get; init; }

    /// <summary>
    /// The versions of the brief's experiment key that have exposures in the store, or null when the source does not say;
    /// empty when the key is absent altogether.
    /// </summary>
    public IReadOnlyList<int>? VersionsInStore { get; init; }
}

/// <summary>
/// CUPED statistics of one metric in one arm and scope of a cluster-randomized brief: per cluster the metric's sum,
/// its units, the covariate's sum over the same units and those units again (num, den, pre-num, pre-den), so the
/// comparison is ratio CUPED with cluster-robust variances.
/// </summary>
public sealed record RatioCovariateCell(string Metric, string Arm, CellScope Scope, string? ScopeName, string? ScopeValue, RatioCovariateMoments Moments)
{
    /// <summary>The cell's key.</summary>
    public CellKey Key => new(Metric, Arm, Scope, ScopeName, ScopeValue);
}

/// <summary>Everything the analysis reads from a store: aggregates only, never raw rows.</summary>
public sealed record MetricData(PopulationSummary Population, IReadOnlyList<MetricCell> Cells, IReadOnlyList<QuantileCell> Quantiles, IReadOnlyList<RatioCovariateCell>? RatioCovariates = null);
