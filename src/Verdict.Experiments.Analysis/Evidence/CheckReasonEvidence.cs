namespace Verdict.Experiments.Analysis.Evidence;

/// <summary>A reason that is a failed (or warning) check itself: rendered as the check's name and its detail.</summary>
public sealed record CheckReasonEvidence(AnalysisCheck Check) : StepEvidence;
