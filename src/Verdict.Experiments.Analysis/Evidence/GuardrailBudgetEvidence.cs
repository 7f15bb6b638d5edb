namespace Verdict.Experiments.Analysis.Evidence;

/// <summary>A guardrail judged against its budget.</summary>
public sealed record GuardrailBudgetEvidence(GuardrailOutcome Outcome) : StepEvidence;
