using Verdict.Experiments.Analysis.Evidence;
using Verdict.Experiments.Analysis.Outcomes;
using Verdict.Experiments.Briefs;
using Verdict.Statistics.Inference;
using Verdict.Statistics.Integrity;

namespace Verdict.Experiments.Analysis;

/// <summary>
/// Step 5: the primary metric in each pre-specified segment, Simpson's paradox (HOLD: the pooled lift is an artefact
/// of the arms' mix), and critical segments (ROLL BACK when one regresses).
/// </summary>
internal static class SegmentAnalysis
{
    public const string Step = "segments";

    public static SegmentsOutcome Run(ExperimentBrief brief, MetricData data, string control, string treatment, MetricComparison pooled)
    {
        var checks = new List<AnalysisCheck>();
        var reasons = new List<DecisionReason>();
        var holds = new List<DecisionReason>();
        var outcomes = new List<SegmentOutcome>();
        var alpha = brief.Analysis.Alpha;
        var weights = brief.Arms.Select(a => a.Weight).ToArray();
        foreach (var segment in brief.Segments)
        {
            if (!data.Population.UnitsPerSegment.TryGetValue(segment.Name, out var values))
            {
                continue;
            }

            var perSegment = new List<SegmentOutcome>();
            foreach (var (value, arms) in values.OrderBy(v => v.Key, StringComparer.Ordinal))
            {
                var comparison = MetricComparer.Compare(brief, data, brief.PrimaryMetric, control, treatment, alpha, CellScope.Segment, segment.Name, value);
                if (comparison is null)
                {
                    continue;
                }

                var counts = brief.Arms.Select(a => arms.GetValueOrDefault(a.Name)).ToArray();
                var srm = counts.Sum() > 0 ? SampleRatioMismatch.Test(counts, weights, brief.Analysis.SrmPValue).PValue : double.NaN;
                var outcome = new SegmentOutcome(segment.Name, value, segment.Critical, comparison.ControlUnits, comparison.TreatmentUnits, comparison.Lift, srm);
                perSegment.Add(outcome);
                var lift = comparison.Lift.Absolute;
                var regressed = lift.IsAvailable && lift.CiHigh < 0;
                var status = segment.Critical && regressed ? CheckStatus.Fail : CheckStatus.Info;
                var evidence = new SegmentSliceEvidence(outcome, comparison.Unit, regressed);
                checks.Add(new AnalysisCheck(Step, $"{segment.Name}={value}", status, evidence, ReasonCodes.Segment));
                if (segment.Critical && regressed)
                {
                    reasons.Add(new(ReasonCodes.Segment, LaunchDecision.RollBack, evidence));
                }
            }

            outcomes.AddRange(perSegment);
            if (HeterogeneityAnalysis.Interaction(segment, perSegment, alpha) is { } interaction)
            {
                checks.Add(interaction);
            }

            if (Simpson(pooled.Lift.Absolute.Value, perSegment, values, segment, control, treatment) is { } simpson)
            {
                checks.Add(simpson);

                // A pooled lift that every segment contradicts is an artefact of the arms' mix, not evidence to ship on.
                holds.Add(new(ReasonCodes.Simpson, LaunchDecision.Hold, new CheckReasonEvidence(simpson)));
            }
        }

        checks.AddRange(HeterogeneityAnalysis.Family(outcomes, pooled, alpha));
        return new SegmentsOutcome(checks, [.. reasons, .. holds], outcomes);
    }

    /// <summary>
    /// When integrity failed: the Simpson's paradox warning for each segment whose arm mix reverses the pooled
    /// primary lift, without reporting any lift as a result. Biased exposure logging typically fails the segment
    /// sample-ratio test and produces exactly this reversal.
    /// </summary>
    public static SegmentsOutcome DiagnoseMix(ExperimentBrief brief, MetricData data, string control, string treatment)
    {
        var checks = new List<AnalysisCheck>();
        var alpha = brief.Analysis.Alpha;
        var pooled = MetricComparer.Compare(brief, data, brief.PrimaryMetric, control, treatment, alpha);
        if (pooled is null || !pooled.Lift.IsAvailable)
        {
            return new SegmentsOutcome(checks, [], []);
        }

        foreach (var segment in brief.Segments)
        {
            if (!data.Population.UnitsPerSegment.TryGetValue(segment.Name, out var values))
            {
                continue;
            }

            var perSegment = new List<SegmentOutcome>();
            foreach (var value in values.Keys.Order(StringComparer.Ordinal))
            {
                if (MetricComparer.Compare(brief, data, brief.PrimaryMetric, control, treatment, alpha, CellScope.Segment, segment.Name, value) is { } comparison)
                {
                    perSegment.Add(new SegmentOutcome(segment.Name, value, segment.Critical, comparison.ControlUnits, comparison.TreatmentUnits, comparison.Lift, double.NaN));
                }
            }

            if (Simpson(pooled.Lift.Absolute.Value, perSegment, values, segment, control, treatment) is { } simpson)
            {
                checks.Add(simpson);
            }
        }

        // Integrity already failed: the warning is for the reader, the verdict stays INVALID for the integrity reasons.
        return new SegmentsOutcome(checks, [], []);
    }

    /// <summary>
    /// Pooled direction disagrees with every segment's direction, and the arms' segment mix differs (χ² test of
    /// arm × segment independence, p &lt; 0.01): the pooled lift is driven by the mix, not by the treatment.
    /// </summary>
    private static AnalysisCheck? Simpson(double pooled, List<SegmentOutcome> segments, IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> values, Segment segment, string control, string treatment)
    {
        if (segments.Count < 2 || pooled == 0 || segments.Any(s => !s.Lift.IsAvailable || Math.Sign(s.Lift.Absolute.Value) != -Math.Sign(pooled)))
        {
            return null;
        }

        // χ² test of independence on the 2 × k table of arm by segment value.
        var rows = new[] { control, treatment };
        var table = values.Values.Select(arms => rows.Select(r => (double)arms.GetValueOrDefault(r)).ToArray()).ToArray();
        var total = table.Sum(r => r.Sum());
        var rowTotals = rows.Select((_, j) => table.Sum(r => r[j])).ToArray();
        double chi = 0;
        foreach (var r in table)
        {
            var colTotal = r.Sum();
            for (var j = 0; j < rows.Length; j++)
            {
                var expected = colTotal * rowTotals[j] / total;
                if (expected > 0)
                {
                    chi += (r[j] - expected) * (r[j] - expected) / expected;
                }
            }
        }

        var p = Tails.ChiSquareUpper(chi, table.Length - 1);
        if (!(p < 0.01))
        {
            return null;
        }

        return new AnalysisCheck(Step, $"Simpson's paradox ({segment.Name})", CheckStatus.Warn, new SimpsonEvidence(pooled, p), ReasonCodes.Simpson);
    }
}
