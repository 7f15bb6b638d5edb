namespace Verdict.Experiments.Analysis.Evidence;

/// <summary>Held-out exposures carrying a receipt other than control's (<c>--holdout</c>).</summary>
public sealed record HoldoutReceiptsEvidence(long Exposures) : StepEvidence;
