namespace Verdict.Experiments.Validation;

/// <summary>The ids of the lint warnings (docs/brief.md, "Lint rules").</summary>
public static class LintRules
{
    /// <summary>A stateful conversation randomized per request: one customer sees both arms.</summary>
    public const string RequestRandomizedConversation = "request-randomized-conversation";

    /// <summary>A guardrail with no budget guards nothing.</summary>
    public const string GuardrailWithoutBudget = "guardrail-without-budget";

    /// <summary>The planned traffic cannot reach the MDE within the planned duration.</summary>
    public const string UnreachableMde = "unreachable-mde";

    /// <summary>A CUPED covariate measured after exposure, which the treatment can move.</summary>
    public const string PostTreatmentCovariate = "post-treatment-covariate";

    /// <summary>A treatment's receipt differs from control in more than the declared change.</summary>
    public const string UndeclaredReceiptChange = "undeclared-receipt-change";

    /// <summary>The ship threshold is below the MDE: a lift the experiment is not powered to see can ship.</summary>
    public const string ShipThresholdBelowMde = "ship-threshold-below-mde";
}
