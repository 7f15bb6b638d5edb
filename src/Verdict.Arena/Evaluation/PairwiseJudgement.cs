namespace Verdict.Arena.Evaluation;

/// <summary>A duel judged in both orders.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="ControlFirst">Winner when the control was shown first: a variant name or <c>tie</c>; null on error.</param>
/// <param name="TreatmentFirst">Winner when the treatment was shown first.</param>
/// <param name="Outcome">The combined outcome; disagreement between orders is a tie.</param>
/// <param name="PositionInconsistent">True when the two orders disagreed.</param>
/// <param name="ControlFirstReason">The judge's reason in the first order.</param>
/// <param name="TreatmentFirstReason">The judge's reason in the second order.</param>
/// <param name="Error">Why no judgement was obtained, if so.</param>
public sealed record PairwiseJudgement(
    string CaseId,
    string? ControlFirst,
    string? TreatmentFirst,
    PairwiseOutcome? Outcome,
    bool PositionInconsistent,
    string? ControlFirstReason,
    string? TreatmentFirstReason,
    string? Error = null);
