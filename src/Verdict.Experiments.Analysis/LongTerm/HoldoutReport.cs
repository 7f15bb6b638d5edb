namespace Verdict.Experiments.Analysis.LongTerm;

/// <summary>
/// The long-run reading of a brief's holdout (docs/analysis.md, "Long-term holdout"): the held-out units, kept on
/// control by <c>traffic.holdout</c>, against the units exposed to each arm, metric by metric.
/// </summary>
public sealed record HoldoutReport
{
    /// <summary>The brief's key.</summary>
    public required string Experiment { get; init; }

    /// <summary>The brief's version.</summary>
    public required int Version { get; init; }

    /// <summary>The holdout's name and fraction, from the brief.</summary>
    public required Verdict.Assignment.Targeting.Holdout Holdout { get; init; }

    /// <summary>The experiment key the held-out units' exposures are logged under.</summary>
    public required string HoldoutExperiment { get; init; }

    /// <summary>Data counted up to this time; null for everything stored.</summary>
    public DateTimeOffset? AsOf { get; init; }

    /// <summary>Analysed held-out units.</summary>
    public required long HoldoutUnits { get; init; }

    /// <summary>Analysed exposed units per arm.</summary>
    public required IReadOnlyDictionary<string, long> ExposedUnits { get; init; }

    /// <summary>The share of held-out units among held-out and exposed units that the traffic plan implies.</summary>
    public required double ExpectedHoldoutShare { get; init; }

    /// <summary>The χ² test of held-out against exposed units at the expected share, or null when there is nothing to test.</summary>
    public double? SrmPValue { get; init; }

    /// <summary>When the first and last held-out or exposed unit was first exposed.</summary>
    public DateTimeOffset? FirstExposure { get; init; }

    /// <summary>The last exposure of either population.</summary>
    public DateTimeOffset? LastExposure { get; init; }

    /// <summary>The checks, in the order they ran.</summary>
    public required IReadOnlyList<AnalysisCheck> Checks { get; init; }

    /// <summary>Each metric of the brief (primary, guardrails, secondary) for each arm against the holdout.</summary>
    public required IReadOnlyList<HoldoutComparison> Comparisons { get; init; }
}
