namespace Verdict.Experiments.Briefs;

/// <summary>How a guardrail handles uncertainty.</summary>
public enum GuardrailRule
{
    /// <summary>Seed 000's teaching gate: the observed delta must stay inside the budget.</summary>
    ObservedDelta,

    /// <summary>A one-sided non-inferiority test: the confidence bound on the harmful side must stay inside the budget.</summary>
    NonInferiority,
}
