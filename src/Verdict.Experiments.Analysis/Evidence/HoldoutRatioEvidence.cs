namespace Verdict.Experiments.Analysis.Evidence;

/// <summary>The held-out units against the exposed ones, the share the traffic plan implies and the χ² test of the difference (<c>--holdout</c>).</summary>
public sealed record HoldoutRatioEvidence(long Held, long Exposed, double ExpectedShare, double Fraction, double PValue, double Threshold) : StepEvidence;
