namespace Verdict.Experiments.Analysis.Outcomes;

/// <summary>
/// Step 2: the primary comparison (null when it could not be estimated), the sequential look's evaluation when the
/// design has one, and whether the observed lift clears the registered minimum ship lift.
/// </summary>
public sealed record PrimaryOutcome(
    IReadOnlyList<AnalysisCheck> Checks,
    IReadOnlyList<DecisionReason> Reasons,
    MetricComparison? Comparison,
    Verdict.Statistics.Sequential.LookEvaluation? Look,
    bool ClearsShipThreshold)
    : StepOutcome(PrimaryStep.Step, Checks, Reasons)
{
    /// <summary>True when the primary lift was estimated.</summary>
    public bool Estimated => Comparison is { Lift.IsAvailable: true };
}
