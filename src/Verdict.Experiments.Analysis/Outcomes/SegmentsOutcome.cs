namespace Verdict.Experiments.Analysis.Outcomes;

/// <summary>Step 5: the primary metric per segment value; critical regressions (ROLL BACK) and Simpson's paradox (HOLD) as reasons.</summary>
public sealed record SegmentsOutcome(IReadOnlyList<AnalysisCheck> Checks, IReadOnlyList<DecisionReason> Reasons, IReadOnlyList<SegmentOutcome> Segments)
    : StepOutcome(SegmentAnalysis.Step, Checks, Reasons);
