namespace Verdict.Experiments.Briefs;

/// <summary>How far the change is rolled out.</summary>
public enum RolloutStage
{
    /// <summary>Treatment runs beside control but its output is not shown; only receipts and guardrails are read.</summary>
    Shadow,

    /// <summary>A small exposure to catch breakage; not powered for the primary metric.</summary>
    Canary,

    /// <summary>The powered A/B test the decision is made on.</summary>
    AB,
}
