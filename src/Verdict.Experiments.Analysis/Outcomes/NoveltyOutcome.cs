namespace Verdict.Experiments.Analysis.Outcomes;

/// <summary>Step 6: the primary lift per enrollment day and the early-versus-late difference's p-value (NaN with fewer than three days).</summary>
public sealed record NoveltyOutcome(IReadOnlyList<AnalysisCheck> Checks, IReadOnlyList<DailyEffect> Daily, double DifferencePValue, bool Novelty)
    : StepOutcome(NoveltyAnalysis.Step, Checks, []);
