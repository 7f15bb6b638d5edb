using Verdict.Experiments.Briefs;

namespace Verdict.Experiments.Analysis.Outcomes;

/// <summary>
/// The stable codes of checks and verdict reasons (<c>code</c> in the analysis JSON, docs/analysis-json.md). A code
/// names the rule, never its wording: the text may change, a code only gets added.
/// </summary>
public static class ReasonCodes
{
    /// <summary>The brief analysed is not its registered plan (<c>--unlocked</c>).</summary>
    public const string RegisteredPlan = "integrity.registered_plan";

    /// <summary>The overall sample-ratio test (or no exposures at all).</summary>
    public const string SampleRatio = "integrity.sample_ratio";

    /// <summary>No exposures of the brief's key and version: nothing to test.</summary>
    public const string NoExposures = "integrity.no_exposures";

    /// <summary>A segment's own sample-ratio test.</summary>
    public const string SegmentSampleRatio = "integrity.segment_sample_ratio";

    /// <summary>Units that saw several arms.</summary>
    public const string MultiArmUnits = "integrity.multi_arm_units";

    /// <summary>Exposures naming an arm the brief lacks.</summary>
    public const string UnknownArms = "integrity.unknown_arms";

    /// <summary>Receipts differing beyond the declared change.</summary>
    public const string Receipts = "integrity.receipts";

    /// <summary>The registered burn-in and what it excluded.</summary>
    public const string BurnIn = "integrity.burn_in";

    /// <summary>Fixed horizon: every arm has its planned units.</summary>
    public const string PlannedSample = "integrity.planned_sample";

    /// <summary>Group sequential: the information fraction reaches the first registered look.</summary>
    public const string LookReached = "integrity.look_reached";

    /// <summary>Several treatments share the brief's alpha (Bonferroni).</summary>
    public const string SeveralTreatments = "primary.several_treatments";

    /// <summary>The primary metric could not be estimated.</summary>
    public const string PrimaryNoEstimate = "primary.no_estimate";

    /// <summary>The primary interval against zero.</summary>
    public const string PrimaryInterval = "primary.interval";

    /// <summary>The primary z against the sequential boundary at this look.</summary>
    public const string SequentialBoundary = "primary.sequential_boundary";

    /// <summary>The observed lift against the minimum ship lift.</summary>
    public const string ShipThreshold = "primary.ship_threshold";

    /// <summary>Reason: the primary metric is significantly worse.</summary>
    public const string PrimaryWorse = "primary.worse";

    /// <summary>Reason: the primary metric crossed the lower sequential boundary.</summary>
    public const string PrimaryBelowBoundary = "primary.below_boundary";

    /// <summary>Reason: the primary interval includes zero.</summary>
    public const string PrimaryInconclusive = "primary.inconclusive";

    /// <summary>Reason: a real lift below the minimum ship lift.</summary>
    public const string BelowShipThreshold = "primary.below_ship_threshold";

    /// <summary>Reason: an interim look inside the boundary; continue to the next.</summary>
    public const string ContinueToNextLook = "primary.continue";

    /// <summary>Reason: the final look did not cross the boundary.</summary>
    public const string FinalLookNotCrossed = "primary.final_look_not_crossed";

    /// <summary>A guardrail judged against its budget (breached: ROLL BACK).</summary>
    public const string Guardrail = "guardrails.budget";

    /// <summary>A guardrail without a registered budget.</summary>
    public const string GuardrailNoBudget = "guardrails.no_budget";

    /// <summary>A guardrail with no data to judge it (HOLD).</summary>
    public const string GuardrailNoData = "guardrails.no_data";

    /// <summary>A secondary metric with nothing to test.</summary>
    public const string SecondaryNothingToTest = "secondary.nothing_to_test";

    /// <summary>A secondary comparison with its corrected p-value.</summary>
    public const string Secondary = "secondary.comparison";

    /// <summary>The primary metric in one segment value (a critical one regressing: ROLL BACK).</summary>
    public const string Segment = "segments.slice";

    /// <summary>Simpson's paradox: the pooled lift contradicts every segment (HOLD).</summary>
    public const string Simpson = "segments.simpson";

    /// <summary>Cochran's Q across one segment's values.</summary>
    public const string Heterogeneity = "segments.heterogeneity";

    /// <summary>Benjamini–Hochberg across every slice.</summary>
    public const string SegmentFamily = "segments.family";

    /// <summary>A critical slice moving against an improving average.</summary>
    public const string CriticalSlice = "segments.critical_slice";

    /// <summary>The effect over enrollment days (novelty).</summary>
    public const string EffectOverTime = "novelty.effect_over_time";

    /// <summary>Reason for SHIP: every rule passed.</summary>
    public const string Ship = "ship";

    /// <summary>An interleaving brief's integrity check (impressions, queries with a winner).</summary>
    public const string InterleavingIntegrity = "interleaving.integrity";

    /// <summary>Too few units for an interleaving brief's clustered error (WARN).</summary>
    public const string InterleavingClusters = "interleaving.clustered_units";

    /// <summary>An interleaving brief's preference share against ½.</summary>
    public const string InterleavingPreference = "interleaving.preference";

    /// <summary>No held-out units logged (<c>--holdout</c>).</summary>
    public const string HoldoutUnits = "holdout.units";

    /// <summary>No analysed units in any arm (<c>--holdout</c>).</summary>
    public const string HoldoutExposedUnits = "holdout.exposed_units";

    /// <summary>The held-out share against the share the traffic plan implies (<c>--holdout</c>).</summary>
    public const string HoldoutRatio = "holdout.ratio";

    /// <summary>Held-out units served a receipt other than control's (<c>--holdout</c>).</summary>
    public const string HoldoutReceipts = "holdout.receipts";

    /// <summary>Holdout exposures naming an arm other than the holdout's (<c>--holdout</c>).</summary>
    public const string HoldoutArms = "holdout.arms";

    /// <summary>A metric and arm without data to compare with the holdout (<c>--holdout</c>).</summary>
    public const string HoldoutNoData = "holdout.no_data";
}
