using Verdict.Experiments.Analysis.Evidence;
using Verdict.Experiments.Analysis.Outcomes;
using Verdict.Experiments.Briefs;
using Verdict.Experiments.Planning;
using Verdict.Statistics.Integrity;

namespace Verdict.Experiments.Analysis.LongTerm;

/// <summary>
/// Reads a brief's long-term holdout: the units <c>traffic.holdout</c> keeps on control, whose exposures the SDK logs
/// under <c>{key}/holdout</c> with arm <c>holdout</c>, against the units exposed to each arm, over everything stored up
/// to the as-of time. Both populations are aggregated by the analysis's own SQL (the holdout through <see cref="HeldOutBrief"/>)
/// and compared with the analysis's own comparer; this class only joins the two (docs/analysis.md, "Long-term holdout").
/// </summary>
public static class HoldoutAnalysis
{
    /// <summary>The arm name of held-out units' exposures.</summary>
    public const string Arm = "holdout";

    /// <summary>The experiment key held-out units' exposures are logged under: the brief's key and <c>/holdout</c>, which no brief key can be.</summary>
    public static string ExperimentKey(string key) => key + "/" + Arm;

    /// <summary>
    /// The brief whose analysis SQL aggregates the held-out units: the same metrics, unit, segments and analysis plan, key
    /// <see cref="ExperimentKey"/>, and one arm, <c>holdout</c>, with control's receipt (held-out units are served control).
    /// </summary>
    /// <exception cref="ArgumentException">The brief has no holdout.</exception>
    public static ExperimentBrief HeldOutBrief(ExperimentBrief brief)
    {
        ArgumentNullException.ThrowIfNull(brief);
        _ = HoldoutOf(brief);
        return brief with
        {
            Key = ExperimentKey(brief.Key),
            Arms = [new ArmDefinition(Arm, 1, true, brief.Control.Receipt)],
            Traffic = brief.Traffic with { Holdout = null, Layer = null, Exposure = 1, Forced = new SortedDictionary<string, string>(StringComparer.Ordinal) },
        };
    }

    /// <summary>
    /// The share of held-out units among the held-out and the exposed: f / (f + (1 − f) × layer share × exposure), since the
    /// holdout is decided before the layer and the ramp (docs/assignment.md).
    /// </summary>
    public static double ExpectedShare(ExperimentBrief brief)
    {
        ArgumentNullException.ThrowIfNull(brief);
        var f = HoldoutOf(brief).Fraction;
        var entered = ExperimentPlanner.EnrolledShare(brief);
        return f + entered == 0 ? 0 : f / (f + entered);
    }

    /// <summary>
    /// Compares every metric of <paramref name="brief"/> (primary, guardrails, secondary) in each arm of
    /// <paramref name="exposed"/> against the holdout in <paramref name="held"/> (loaded with <see cref="HeldOutBrief"/>),
    /// at the brief's alpha, uncorrected: the holdout is read for what the launch did over the long run, not to decide it.
    /// </summary>
    public static HoldoutReport Analyze(ExperimentBrief brief, MetricData exposed, MetricData held, DateTimeOffset? asOf = null)
    {
        ArgumentNullException.ThrowIfNull(brief);
        ArgumentNullException.ThrowIfNull(exposed);
        ArgumentNullException.ThrowIfNull(held);
        var holdout = HoldoutOf(brief);
        var key = ExperimentKey(brief.Key);
        var checks = new List<AnalysisCheck>();
        var heldUnits = held.Population.UnitsPerArm.GetValueOrDefault(Arm);
        var perArm = brief.Arms.ToDictionary(a => a.Name, a => exposed.Population.UnitsPerArm.GetValueOrDefault(a.Name), StringComparer.Ordinal);
        var exposedUnits = perArm.Values.Sum();
        var share = ExpectedShare(brief);
        double? srm = null;
        if (heldUnits == 0)
        {
            checks.Add(new AnalysisCheck("holdout", "held-out units", CheckStatus.Fail, new HeldOutUnitsEvidence(key, brief.Version, Arm), ReasonCodes.HoldoutUnits));
        }
        else if (exposedUnits == 0)
        {
            checks.Add(new AnalysisCheck("holdout", "exposed units", CheckStatus.Fail, new HoldoutExposedUnitsEvidence(brief.Key, brief.Version), ReasonCodes.HoldoutExposedUnits));
        }
        else
        {
            var test = SampleRatioMismatch.Test([heldUnits, exposedUnits], [share, 1 - share], brief.Analysis.SrmPValue);
            srm = test.PValue;
            checks.Add(new AnalysisCheck("holdout", "holdout ratio", test.Mismatch ? CheckStatus.Fail : CheckStatus.Pass,
                new HoldoutRatioEvidence(heldUnits, exposedUnits, share, holdout.Fraction, test.PValue, brief.Analysis.SrmPValue), ReasonCodes.HoldoutRatio));
        }

        if (held.Population.ReceiptMismatches.GetValueOrDefault(Arm) is > 0 and var mismatched)
        {
            checks.Add(new AnalysisCheck("holdout", "holdout receipts", CheckStatus.Fail, new HoldoutReceiptsEvidence(mismatched), ReasonCodes.HoldoutReceipts));
        }

        if (held.Population.UnknownArmExposures > 0)
        {
            checks.Add(new AnalysisCheck("holdout", "holdout arms", CheckStatus.Fail, new HoldoutArmsEvidence(key, held.Population.UnknownArmExposures, Arm), ReasonCodes.HoldoutArms));
        }

        var merged = Merge(exposed, held);
        var comparisons = new List<HoldoutComparison>();
        var roles = new List<(string Role, string Metric)> { ("primary", brief.PrimaryMetric) };
        roles.AddRange(brief.Guardrails.Select(g => ("guardrail", g.Metric)));
        roles.AddRange(brief.SecondaryMetrics.Select(m => ("secondary", m)));
        foreach (var (role, metric) in roles.DistinctBy(r => r.Metric))
        {
            foreach (var arm in brief.Arms)
            {
                if (MetricComparer.Compare(brief, merged, metric, Arm, arm.Name, brief.Analysis.Alpha) is { } comparison)
                {
                    comparisons.Add(new HoldoutComparison(role, arm.Name, comparison));
                }
                else if (heldUnits > 0 && perArm[arm.Name] > 0)
                {
                    checks.Add(new AnalysisCheck("holdout", metric, CheckStatus.Info, new HoldoutNoDataEvidence(arm.Name), ReasonCodes.HoldoutNoData));
                }
            }
        }

        return new HoldoutReport
        {
            Experiment = brief.Key,
            Version = brief.Version,
            Holdout = holdout,
            HoldoutExperiment = key,
            AsOf = asOf,
            HoldoutUnits = heldUnits,
            ExposedUnits = perArm,
            ExpectedHoldoutShare = share,
            SrmPValue = srm,
            FirstExposure = Min(exposed.Population.FirstExposure, held.Population.FirstExposure),
            LastExposure = Max(exposed.Population.LastExposure, held.Population.LastExposure),
            Checks = checks,
            Comparisons = comparisons,
        };
    }

    /// <summary>The aggregates of both populations as one: the arms' cells and the holdout's side by side.</summary>
    internal static MetricData Merge(MetricData exposed, MetricData held) => new(
        exposed.Population,
        [.. exposed.Cells, .. held.Cells],
        [.. exposed.Quantiles, .. held.Quantiles],
        exposed.RatioCovariates is null && held.RatioCovariates is null ? null : [.. exposed.RatioCovariates ?? [], .. held.RatioCovariates ?? []]);

    private static Verdict.Assignment.Targeting.Holdout HoldoutOf(ExperimentBrief brief) =>
        brief.Traffic.Holdout ?? throw new ArgumentException($"{brief.Key} v{brief.Version} has no traffic.holdout: there is no long-term holdout to read", nameof(brief));

    private static DateTimeOffset? Min(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private static DateTimeOffset? Max(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
