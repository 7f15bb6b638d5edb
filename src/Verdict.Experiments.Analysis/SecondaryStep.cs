using Verdict.Experiments.Analysis.Evidence;
using Verdict.Experiments.Analysis.Outcomes;
using Verdict.Experiments.Briefs;
using Verdict.Statistics.Inference;
using Verdict.Statistics.MultipleTesting;

namespace Verdict.Experiments.Analysis;

/// <summary>Step 4: the secondary metrics at the brief's alpha with its registered correction; informational only.</summary>
internal static class SecondaryStep
{
    public const string Step = "secondary";

    public static SecondaryOutcome Run(ExperimentBrief brief, MetricData data, string control, string treatment)
    {
        var checks = new List<AnalysisCheck>();
        var alpha = brief.Analysis.Alpha;
        var comparisons = new List<MetricComparison>();
        foreach (var metric in brief.SecondaryMetrics)
        {
            if (MetricEvidence.Absence(brief, data, metric) is { } absence)
            {
                checks.Add(new AnalysisCheck(Step, metric, CheckStatus.Warn, absence, ReasonCodes.SecondaryNothingToTest));
            }
            else if (MetricComparer.Compare(brief, data, metric, control, treatment, alpha) is { Lift.IsAvailable: true } comparison)
            {
                comparisons.Add(comparison);
            }
        }

        if (comparisons.Count == 0)
        {
            return new SecondaryOutcome(checks, comparisons);
        }

        var method = brief.Analysis.SecondaryCorrection;
        var adjusted = PValueAdjustment.Adjust(comparisons.Select(c => c.Lift.Absolute.PValue).ToArray(), method);
        var result = new List<MetricComparison>();
        for (var i = 0; i < comparisons.Count; i++)
        {
            var c = comparisons[i] with { AdjustedPValue = adjusted[i] };
            result.Add(c);
            checks.Add(new AnalysisCheck(Step, c.Metric, CheckStatus.Info, new SecondaryEvidence(c, method, adjusted[i] < alpha), ReasonCodes.Secondary));
        }

        return new SecondaryOutcome(checks, result);
    }
}
