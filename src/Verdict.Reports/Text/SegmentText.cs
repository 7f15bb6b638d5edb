using System.Globalization;
using Verdict.Experiments.Analysis.Evidence;

namespace Verdict.Reports.Text;

/// <summary>The words of the segment (step 5) and novelty (step 6) checks, from their evidence.</summary>
internal static class SegmentText
{
    public static string Slice(SegmentSliceEvidence e)
    {
        var slice = e.Slice;
        var lift = slice.Lift.Absolute;
        var (low, high) = MetricFormat.Bounded(lift.CiLow, lift.CiHigh, e.Unit);
        return $"{MetricFormat.Delta(lift.Value, e.Unit)} {MetricFormat.Interval(low, high, e.Unit)}, {slice.ControlUnits:N0} vs {slice.TreatmentUnits:N0} units{(slice.Critical ? (e.Regressed ? "; critical segment regresses" : "; critical segment holds") : string.Empty)}";
    }

    public static string Simpson(SimpsonEvidence e) =>
        $"the pooled lift ({(e.PooledLift > 0 ? "positive" : "negative")}) points the other way from every segment, and the arms' mix across segments differs (χ² p {MetricFormat.PValue(e.PValue)}): read the segments, not the pooled number";

    public static string Heterogeneity(HeterogeneityEvidence e)
    {
        var test = e.Test;
        return string.Create(CultureInfo.InvariantCulture,
            $"{(e.Differs ? "the effect differs between" : "no evidence that the effect differs between")} the {test.Slices} {e.Segment} slices: Cochran's Q {test.Q:F2} (df {test.DegreesOfFreedom}), p {MetricFormat.PValue(test.PValue)}, I² {test.ISquared:P0}; exploratory, does not change the verdict");
    }

    public static string Family(SegmentFamilyEvidence e)
    {
        var list = e.Discoveries.Count == 0
            ? "none"
            : string.Join(", ", e.Discoveries.Select(x => $"{x.Slice.Segment}={x.Slice.Value} {MetricFormat.Delta(x.Slice.Lift.Absolute.Value, e.Unit)} (q {MetricFormat.PValue(x.Q)})"));
        return $"{e.Slices} slices across {e.Segments} segments; effects with FDR-adjusted q < {e.Alpha.ToString(CultureInfo.InvariantCulture)}: {list}; exploratory";
    }

    public static string CriticalSlice(CriticalSliceEvidence e)
    {
        var slice = e.Slice;
        var lift = slice.Lift.Absolute;
        return $"the average improves ({MetricFormat.Delta(e.Average.Value, e.Unit)}) but critical slice {slice.Segment}={slice.Value} moves the other way ({MetricFormat.Delta(lift.Value, e.Unit)} {MetricFormat.Interval(lift.CiLow, lift.CiHigh, e.Unit)}); "
            + (e.Blocks ? "its interval lies below 0, so it blocks the launch" : "its interval includes 0, so it does not block the launch: watch it");
    }

    public static string Novelty(NoveltyEvidence e)
    {
        var detail = $"first {e.EarlyDays} day(s) {MetricFormat.Delta(e.Early, e.Unit)}, later {e.LateDays} day(s) {MetricFormat.Delta(e.Late, e.Unit)} (difference p {MetricFormat.PValue(e.PValue)})";
        return e.Novelty ? "early days differ from later days beyond noise, a novelty effect that may fade: " + detail : detail;
    }
}
