namespace Verdict.Experiments.Analysis.Outcomes;

/// <summary>Step 4: the secondary comparisons with their corrected p-values; informational, never a reason.</summary>
public sealed record SecondaryOutcome(IReadOnlyList<AnalysisCheck> Checks, IReadOnlyList<MetricComparison> Comparisons)
    : StepOutcome(SecondaryStep.Step, Checks, []);
