namespace Verdict.Experiments.Analysis.Outcomes;

/// <summary>Step 1: the integrity checks (sample ratio, exclusions, receipts, burn-in, planned sample or look reached).</summary>
public sealed record IntegrityOutcome(IReadOnlyList<AnalysisCheck> Checks, IReadOnlyList<DecisionReason> Reasons, double SrmPValue, double? InformationFraction)
    : StepOutcome(IntegrityChecks.Step, Checks, Reasons)
{
    /// <summary>True when an integrity check failed: the verdict is INVALID and no lift is presented.</summary>
    public bool Failed => Reasons.Count > 0;
}
