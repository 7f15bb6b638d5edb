namespace Verdict.Experiments.Analysis.Outcomes;

/// <summary>Step 3: every guardrail judged against its budget (unjudged ones appear only as checks and reasons).</summary>
public sealed record GuardrailStepOutcome(IReadOnlyList<AnalysisCheck> Checks, IReadOnlyList<DecisionReason> Reasons, IReadOnlyList<GuardrailOutcome> Guardrails)
    : StepOutcome(GuardrailJudge.Step, Checks, Reasons);
