using Verdict.Experiments.Analysis.Evidence;
using Verdict.Experiments.Analysis.Outcomes;
using Verdict.Experiments.Briefs;
using Verdict.Statistics.Heterogeneity;
using Verdict.Statistics.Inference;
using Verdict.Statistics.MultipleTesting;

namespace Verdict.Experiments.Analysis;

/// <summary>
/// Heterogeneous effects in the segment step (docs/quasi-experiments.md#heterogeneous-effects): per segment, Cochran's
/// Q test of whether the primary effect differs between its values; across every declared segment's values, the
/// Benjamini–Hochberg correction; and the flag seed 002 asks for when a critical slice moves against an improving
/// average. All of it is exploratory (INFO or WARN) except a critical slice whose interval lies below 0, which
/// <see cref="SegmentAnalysis"/> already turns into ROLL BACK.
/// </summary>
internal static class HeterogeneityAnalysis
{
    /// <summary>Does the effect differ between the values of <paramref name="segment"/>?</summary>
    public static AnalysisCheck? Interaction(Segment segment, List<SegmentOutcome> slices, double alpha)
    {
        if (slices.Count < 2)
        {
            return null;
        }

        var test = HeterogeneityTest.Test(slices.Select(s => s.Lift.Absolute).ToList(), alpha);
        if (double.IsNaN(test.PValue))
        {
            return null;
        }

        var differs = test.PValue < alpha;
        return new AnalysisCheck(SegmentAnalysis.Step, $"heterogeneity ({segment.Name})", differs ? CheckStatus.Warn : CheckStatus.Info, new HeterogeneityEvidence(segment.Name, test, differs), ReasonCodes.Heterogeneity);
    }

    /// <summary>BH across every slice of every segment, and critical slices that move against an improving average.</summary>
    public static List<AnalysisCheck> Family(List<SegmentOutcome> slices, MetricComparison pooled, double alpha)
    {
        var checks = new List<AnalysisCheck>();
        var tested = slices.Where(s => s.Lift.Absolute.IsAvailable && double.IsFinite(s.Lift.Absolute.PValue)).ToList();
        if (tested.Count >= 2)
        {
            var adjusted = PValueAdjustment.Adjust(tested.Select(s => s.Lift.Absolute.PValue).ToList(), PValueAdjustmentMethod.BenjaminiHochberg);
            var discoveries = tested.Select((s, i) => (s, adjusted[i])).Where(x => x.Item2 < alpha).ToList();
            checks.Add(new AnalysisCheck(SegmentAnalysis.Step, "segment effects, Benjamini–Hochberg", CheckStatus.Info,
                new SegmentFamilyEvidence(tested.Count, tested.Select(s => s.Segment).Distinct().Count(), alpha, discoveries, pooled.Unit), ReasonCodes.SegmentFamily));
        }

        var average = pooled.Lift.Absolute;
        if (!(average.IsAvailable && average.CiLow > 0))
        {
            return checks;
        }

        foreach (var slice in slices.Where(s => s.Critical && s.Lift.Absolute.IsAvailable && s.Lift.Absolute.Value < 0))
        {
            var blocks = slice.Lift.Absolute.CiHigh < 0;
            checks.Add(new AnalysisCheck(SegmentAnalysis.Step, $"critical slice against the average ({slice.Segment}={slice.Value})", blocks ? CheckStatus.Fail : CheckStatus.Warn,
                new CriticalSliceEvidence(slice, average, pooled.Unit, blocks), ReasonCodes.CriticalSlice));
        }

        return checks;
    }
}
