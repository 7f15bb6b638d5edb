namespace Verdict.Statistics.Guardrails;

/// <summary>Which direction of change harms the guardrail.</summary>
public enum NonInferiorityDirection
{
    /// <summary>An increase is harmful (latency, cost, escalation rate): the budget is an upper margin.</summary>
    IncreaseIsBad,

    /// <summary>A decrease is harmful (safety pass rate, resolution): the budget is a lower margin.</summary>
    DecreaseIsBad,
}
