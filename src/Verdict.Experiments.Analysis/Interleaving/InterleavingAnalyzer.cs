using System.Globalization;
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

    /// <summary>The sentence every interleaving verdict carries.</summary>
    public const string Caveat = "Interleaving measures which ranking users prefer, not the business metric: confirm a SHIP with an A/B test on the primary metric before launch.";

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
        var reasons = new List<string>();
        var total = sums.Total;
        var invalid = false;
        void Integrity(string name, bool failed, string detail)
        {
            checks.Add(new AnalysisCheck(IntegrityChecks.Step, name, failed ? CheckStatus.Fail : CheckStatus.Pass, detail, ReasonCodes.InterleavingIntegrity));
            if (failed)
            {
                reasons.Add($"{name}: {detail}");
                invalid = true;
            }
        }

        Integrity("impressions", total.Queries == 0, total.Queries == 0
            ? $"no \"{design.ImpressionEvent}\" event carries experiment = \"{brief.Key}\": nothing was interleaved"
            : F($"{total.Queries:N0} interleaved queries from {sums.Users:N0} units"));
        if (total.Queries > 0)
        {
            Integrity("decisive queries", total.Decisive == 0, total.Decisive == 0
                ? $"every query tied (no \"{design.ClickEvent}\" event credited one team more): there is no preference to test"
                : F($"{a} (A) won {total.WinsA:N0}, {b} (B) won {total.WinsB:N0}, {total.Ties:N0} tied"));
        }

        var primary = design.Variance == InterleavingVariance.Clustered ? perUnit : perQuery;
        if (design.Variance == InterleavingVariance.Clustered && sums.Users < InterleavingDesign.MinimumClusters && total.Decisive > 0)
        {
            checks.Add(new AnalysisCheck(IntegrityChecks.Step, "units for the clustered error", CheckStatus.Warn,
                F($"only {sums.Users} units: the clustered standard error is unreliable below about {InterleavingDesign.MinimumClusters}"), ReasonCodes.InterleavingClusters));
        }

        var decision = LaunchDecision.Invalid;
        if (!invalid)
        {
            var interval = F($"B's share of decisive queries {primary.ShareB:0.0%}, {1 - alpha:0%} CI [{primary.CiLow:0.0%}, {primary.CiHigh:0.0%}], p = {primary.PValue:G3} ({Describe(primary.Clustered)})");
            (decision, var status, var reason) = primary.CiLow > 0.5 ? (LaunchDecision.Ship, CheckStatus.Pass, $"{b} (B) is preferred: {interval}")
                : primary.CiHigh < 0.5 ? (LaunchDecision.RollBack, CheckStatus.Fail, $"{a} (A) is preferred over {b}: {interval}")
                : (LaunchDecision.Hold, CheckStatus.Warn, $"no preference shown at alpha {alpha.ToString(CultureInfo.InvariantCulture)}: {interval}");
            checks.Add(new AnalysisCheck(PrimaryStep, "preference share", status, reason, ReasonCodes.InterleavingPreference));
            reasons.Add(reason);
        }

        return new InterleavingReport(brief.Key, brief.Version, asOf, design, a, b, sums, perQuery, perUnit, decision, reasons, checks, Caveat);
    }

    private static string Describe(bool clustered) =>
        clustered ? "clustered by unit, Wald" : "queries independent, Wilson and exact binomial";

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
