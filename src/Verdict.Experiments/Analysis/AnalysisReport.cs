namespace Verdict.Experiments.Analysis;

/// <summary>The analysis of one experiment: its checks in order, the numbers behind them, and the verdict with its reasons.</summary>
public sealed record AnalysisReport
{
    public required string Experiment { get; init; }

    public required int Version { get; init; }

    public required string ControlArm { get; init; }

    public required string TreatmentArm { get; init; }

    public DateTimeOffset? AsOf { get; init; }

    public required LaunchDecision Decision { get; init; }

    public required IReadOnlyList<string> Reasons { get; init; }

    public required IReadOnlyList<AnalysisCheck> Checks { get; init; }

    public required PopulationSummary Population { get; init; }

    public required double SrmPValue { get; init; }

    /// <summary>Null when integrity failed: no lift is presented as a result.</summary>
    public MetricComparison? Primary { get; init; }

    public required IReadOnlyList<GuardrailOutcome> Guardrails { get; init; }

    public required IReadOnlyList<MetricComparison> Secondary { get; init; }

    public required IReadOnlyList<SegmentOutcome> Segments { get; init; }

    public required IReadOnlyList<DailyEffect> Daily { get; init; }

    /// <summary>The primary effect through each enrollment day (empty when integrity failed or the metric is a quantile).</summary>
    public IReadOnlyList<CumulativeEffect> Cumulative { get; init; } = [];

    /// <summary>The planned units per arm the brief registered (or the plan computed), if any.</summary>
    public long? PlannedUnitsPerArm { get; init; }

    public required double MinimumShipLift { get; init; }
}
