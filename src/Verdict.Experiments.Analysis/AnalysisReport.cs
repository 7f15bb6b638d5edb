using Verdict.Experiments.Analysis.Outcomes;

namespace Verdict.Experiments.Analysis;

/// <summary>The analysis of one experiment: its checks in order, the numbers behind them, and the verdict with its reasons.</summary>
public sealed record AnalysisReport
{
    /// <summary>The experiment's key.</summary>
    public required string Experiment { get; init; }

    /// <summary>The brief's version.</summary>
    public required int Version { get; init; }

    /// <summary>The control arm compared.</summary>
    public required string ControlArm { get; init; }

    /// <summary>The treatment arm compared.</summary>
    public required string TreatmentArm { get; init; }

    /// <summary>The analysis cut-off (<c>--as-of</c>), or null for all data.</summary>
    public DateTimeOffset? AsOf { get; init; }

    /// <summary>The launch decision.</summary>
    public required LaunchDecision Decision { get; init; }

    /// <summary>The reasons of the verdict, with their codes (<see cref="DecisionRules"/>).</summary>
    public required IReadOnlyList<DecisionReason> DecisionReasons { get; init; }

    /// <summary>What each step found, in the order the steps ran.</summary>
    public required IReadOnlyList<StepOutcome> Steps { get; init; }

    /// <summary>Every step's checks, in order.</summary>
    public IReadOnlyList<AnalysisCheck> Checks => Steps.SelectMany(s => s.Checks).ToList();

    /// <summary>Units, segments and receipts as the store counted them.</summary>
    public required PopulationSummary Population { get; init; }

    /// <summary>The sample-ratio test's p-value.</summary>
    public required double SrmPValue { get; init; }

    /// <summary>Null when integrity failed: no lift is presented as a result.</summary>
    public MetricComparison? Primary { get; init; }

    /// <summary>Each guardrail's judgement.</summary>
    public required IReadOnlyList<GuardrailOutcome> Guardrails { get; init; }

    /// <summary>The secondary metrics' comparisons, corrected for multiple testing.</summary>
    public required IReadOnlyList<MetricComparison> Secondary { get; init; }

    /// <summary>The primary metric by segment value.</summary>
    public required IReadOnlyList<SegmentOutcome> Segments { get; init; }

    /// <summary>The primary metric's effect per day of first exposure.</summary>
    public required IReadOnlyList<DailyEffect> Daily { get; init; }

    /// <summary>The primary effect through each enrollment day (empty when integrity failed or the metric is a quantile).</summary>
    public IReadOnlyList<CumulativeEffect> Cumulative { get; init; } = [];

    /// <summary>The planned units per arm the brief registered (or the plan computed), if any.</summary>
    public long? PlannedUnitsPerArm { get; init; }

    /// <summary>The smallest lift the brief ships, in the primary metric's unit.</summary>
    public required double MinimumShipLift { get; init; }

    /// <summary>The plan the analysis read (sizing, targets, clustering), resolved once; the report and the dashboard draw from it.</summary>
    public required ResolvedPlan Plan { get; init; }
}
