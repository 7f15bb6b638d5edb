namespace Verdict.Experiments.Analysis.Evidence;

/// <summary>Why the brief analysed is not its registered plan (<c>--unlocked</c>), as the lock check states it.</summary>
public sealed record RegisteredPlanEvidence(string Problem) : StepEvidence;
