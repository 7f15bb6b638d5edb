using Verdict.Experiments.Analysis;
using Verdict.Experiments.Analysis.Evidence;
using Verdict.Experiments.Analysis.Outcomes;

namespace Verdict.Reports.Text;

/// <summary>
/// The one place a check's evidence becomes its <c>detail</c> (the analysis JSON, the memo, the report, the console): the
/// analysis returns data (<see cref="StepEvidence"/>), and the words and number formats (<see cref="MetricFormat"/>)
/// live here.
/// </summary>
public static class CheckText
{
    /// <summary>The detail of <paramref name="check"/>, as every output prints it.</summary>
    public static string Detail(AnalysisCheck check)
    {
        ArgumentNullException.ThrowIfNull(check);
        return check.Evidence switch
        {
            NoteEvidence e => e.Text,
            RegisteredPlanEvidence e => e.Problem + " (analysed with --unlocked: exploratory, cannot ship)",
            NoExposuresEvidence e => IntegrityText.NoExposures(e),
            AbsentEventsEvidence e => Absent(e),
            SampleRatioEvidence e => IntegrityText.SampleRatio(e),
            SegmentSampleRatioEvidence e => IntegrityText.SegmentSampleRatio(e),
            MultiArmUnitsEvidence e => IntegrityText.MultiArmUnits(e),
            UnknownArmsEvidence e => IntegrityText.UnknownArms(e),
            ReceiptsEvidence e => IntegrityText.Receipts(e),
            BurnInEvidence e => IntegrityText.BurnIn(e),
            PlannedSampleEvidence e => IntegrityText.PlannedSample(e),
            LookReachedEvidence e => IntegrityText.LookReached(e),
            SeveralTreatmentsEvidence e => EffectText.SeveralTreatments(e),
            NoEstimateEvidence e => (check.Code == ReasonCodes.GuardrailNoData ? "no data to judge this guardrail: " : "no estimate: ") + Why(e),
            PrimaryIntervalEvidence e => EffectText.PrimaryInterval(e),
            SequentialLookEvidence e => EffectText.SequentialLook(e),
            ShipThresholdEvidence e => EffectText.ShipThreshold(e),
            LiftEvidence e => $"no budget registered; observed {MetricFormat.Delta(e.Lift.Value, e.Unit)} is reported but not judged",
            GuardrailBudgetEvidence e => EffectText.Guardrail(e.Outcome),
            SecondaryEvidence e => EffectText.Secondary(e),
            SegmentSliceEvidence e => SegmentText.Slice(e),
            SimpsonEvidence e => SegmentText.Simpson(e),
            HeterogeneityEvidence e => SegmentText.Heterogeneity(e),
            SegmentFamilyEvidence e => SegmentText.Family(e),
            CriticalSliceEvidence e => SegmentText.CriticalSlice(e),
            FewDaysEvidence e => $"{e.Days} enrollment day(s): too few to look for novelty",
            NoveltyEvidence e => SegmentText.Novelty(e),
            InterleavingImpressionsEvidence e => InterleavingText.Impressions(e),
            InterleavingDecisiveEvidence e => InterleavingText.Decisive(e),
            InterleavingClustersEvidence e => InterleavingText.Clusters(e),
            InterleavingPreferenceEvidence e => InterleavingText.Preference(e),
            HeldOutUnitsEvidence or HoldoutExposedUnitsEvidence or HoldoutRatioEvidence or HoldoutReceiptsEvidence or HoldoutArmsEvidence or HoldoutNoDataEvidence => HoldoutText.Detail(check.Evidence),
            var other => throw new ArgumentException($"no wording for {other.GetType().Name} (check \"{check.Name}\", {check.Code})", nameof(check)),
        };
    }

    /// <summary>Why a metric has no estimate: its absent events, no cells, or the comparison's diagnostics.</summary>
    internal static string Why(NoEstimateEvidence evidence) =>
        evidence.Absence is { } absence ? Absent(absence)
        : evidence.Comparison is null ? "the metric has no cells"
        : string.Join("; ", evidence.Comparison.Lift.Diagnostics.Select(d => d.Message));

    private static string Absent(AbsentEventsEvidence evidence)
    {
        var names = string.Join(" or ", evidence.Events.Select(e => $"\"{e}\""));
        return $"nothing to test: no {names} event is in the store (metric {evidence.Metric}); check the event name and that it is logged";
    }
}
