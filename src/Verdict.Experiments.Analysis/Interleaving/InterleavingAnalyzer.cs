using Verdict.Experiments.Analysis.Evidence;
using Verdict.Experiments.Analysis.Outcomes;
using Verdict.Experiments.Briefs;
using Verdict.Experiments.Interleaving;
using Verdict.Statistics.Interleaving;

namespace Verdict.Experiments.Analysis.Interleaving;

/// <summary>
/// The verdict of an interleaving brief from its per-user sums (docs/interleaving.md, "An interleaving brief"). B's
/// share of decisive queries is read with the error the brief registered (<c>variance</c>) at the brief's alpha:
/// SHIP when the whole interval lies above ½ (B preferred), ROLL BACK when it lies below (A preferred), HOLD
/// otherwise; INVALID when there is nothing to test (no impression, or no query with a winner).
/// </summary>
public static class InterleavingAnalyzer
{
    /// <summary>The step name of the preference check.</summary>
    public const string PrimaryStep = "primary";

    /// <summary>Analyses <paramref name="sums"/> for <paramref name="brief"/>, which must have an interleaving block.</summary>
    public static InterleavingReport Analyze(ExperimentBrief brief, ClusteredInterleavingTally sums, DateTimeOffset? asOf = null)
    {
        ArgumentNullException.ThrowIfNull(brief);
        var design = brief.Interleaving ?? throw new ArgumentException($"The brief {brief.Key} has no interleaving block.", nameof(brief));
        var alpha = brief.Analysis.Alpha;
        var perQuery = InterleavingPreference.Analyze(sums.Total, alpha);
        var perUnit = InterleavingPreference.AnalyzeClustered(sums, alpha);
        var a = brief.Control.Name;
        var b = brief.Arms.First(x => !x.IsControl).Name;
        var checks = new List<AnalysisCheck>();
        var reasons = new List<StepEvidence>();
        var total = sums.Total;
        var invalid = false;
        void Integrity(string name, bool failed, StepEvidence evidence)
        {
            var check = new AnalysisCheck(IntegrityChecks.Step, name, failed ? CheckStatus.Fail : CheckStatus.Pass, evidence, ReasonCodes.InterleavingIntegrity);
            checks.Add(check);
            if (failed)
            {
                reasons.Add(new CheckReasonEvidence(check));
                invalid = true;
            }
        }

        Integrity("impressions", total.Queries == 0, new InterleavingImpressionsEvidence(brief.Key, design.ImpressionEvent, total.Queries, sums.Users));
        if (total.Queries > 0)
        {
            Integrity("decisive queries", total.Decisive == 0, new InterleavingDecisiveEvidence(design.ClickEvent, a, b, total));
        }

        var primary = design.Variance == InterleavingVariance.Clustered ? perUnit : perQuery;
        if (design.Variance == InterleavingVariance.Clustered && sums.Users < InterleavingDesign.MinimumClusters && total.Decisive > 0)
        {
            checks.Add(new AnalysisCheck(IntegrityChecks.Step, "units for the clustered error", CheckStatus.Warn,
                new InterleavingClustersEvidence(sums.Users, InterleavingDesign.MinimumClusters), ReasonCodes.InterleavingClusters));
        }

        var decision = LaunchDecision.Invalid;
        if (!invalid)
        {
            (decision, var status) = primary.CiLow > 0.5 ? (LaunchDecision.Ship, CheckStatus.Pass)
                : primary.CiHigh < 0.5 ? (LaunchDecision.RollBack, CheckStatus.Fail)
                : (LaunchDecision.Hold, CheckStatus.Warn);
            var preference = new InterleavingPreferenceEvidence(a, b, primary, alpha, decision);
            checks.Add(new AnalysisCheck(PrimaryStep, "preference share", status, preference, ReasonCodes.InterleavingPreference));
            reasons.Add(preference);
        }

        return new InterleavingReport(brief.Key, brief.Version, asOf, design, a, b, sums, perQuery, perUnit, decision, reasons, checks);
    }
}
