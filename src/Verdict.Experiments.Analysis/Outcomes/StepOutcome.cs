namespace Verdict.Experiments.Analysis.Outcomes;

/// <summary>
/// What one analysis step found: its checks in the order they ran and the reasons it gives the verdict (each with the
/// decision it argues for). <see cref="DecisionRules"/> reads only these; no step reads another step's checks.
/// </summary>
public abstract record StepOutcome(string Step, IReadOnlyList<AnalysisCheck> Checks, IReadOnlyList<DecisionReason> Reasons);
