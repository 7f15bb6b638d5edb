using System.Globalization;
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
        return new AnalysisCheck(SegmentAnalysis.Step, $"heterogeneity ({segment.Name})", differs ? CheckStatus.Warn : CheckStatus.Info, string.Create(CultureInfo.InvariantCulture,
            $"{(differs ? "the effect differs between" : "no evidence that the effect differs between")} the {test.Slices} {segment.Name} slices: Cochran's Q {test.Q:F2} (df {test.DegreesOfFreedom}), p {MetricFormat.PValue(test.PValue)}, I² {test.ISquared:P0}; exploratory, does not change the verdict"), ReasonCodes.Heterogeneity);
    }

    /// <summary>BH across every slice of every segment, and critical slices that move against an improving average.</summary>
    public static List<AnalysisCheck> Family(List<SegmentOutcome> slices, MetricComparison pooled, double alpha)
    {
        var checks = new List<AnalysisCheck>();
        var tested = slices.Where(s => s.Lift.Absolute.IsAvailable && double.IsFinite(s.Lift.Absolute.PValue)).ToList();
        if (tested.Count >= 2)
        {
            var adjusted = PValueAdjustment.Adjust(tested.Select(s => s.Lift.Absolute.PValue).ToList(), PValueAdjustmentMethod.BenjaminiHochberg);
            var discoveries = tested.Select((s, i) => (s, q: adjusted[i])).Where(x => x.q < alpha).ToList();
            var list = discoveries.Count == 0
                ? "none"
                : string.Join(", ", discoveries.Select(x => $"{x.s.Segment}={x.s.Value} {MetricFormat.Delta(x.s.Lift.Absolute.Value, pooled.Unit)} (q {MetricFormat.PValue(x.q)})"));
            checks.Add(new AnalysisCheck(SegmentAnalysis.Step, "segment effects, Benjamini–Hochberg", CheckStatus.Info,
                $"{tested.Count} slices across {tested.Select(s => s.Segment).Distinct().Count()} segments; effects with FDR-adjusted q < {alpha.ToString(CultureInfo.InvariantCulture)}: {list}; exploratory", ReasonCodes.SegmentFamily));
        }

        var average = pooled.Lift.Absolute;
        if (!(average.IsAvailable && average.CiLow > 0))
        {
            return checks;
        }

        foreach (var slice in slices.Where(s => s.Critical && s.Lift.Absolute.IsAvailable && s.Lift.Absolute.Value < 0))
        {
            var lift = slice.Lift.Absolute;
            var blocks = lift.CiHigh < 0;
            checks.Add(new AnalysisCheck(SegmentAnalysis.Step, $"critical slice against the average ({slice.Segment}={slice.Value})", blocks ? CheckStatus.Fail : CheckStatus.Warn,
                $"the average improves ({MetricFormat.Delta(average.Value, pooled.Unit)}) but critical slice {slice.Segment}={slice.Value} moves the other way ({MetricFormat.Delta(lift.Value, pooled.Unit)} {MetricFormat.Interval(lift.CiLow, lift.CiHigh, pooled.Unit)}); "
                + (blocks ? "its interval lies below 0, so it blocks the launch" : "its interval includes 0, so it does not block the launch: watch it"),
                ReasonCodes.CriticalSlice));
        }

        return checks;
    }
}
