using Verdict.Experiments.Analysis.Evidence;
using Verdict.Experiments.Analysis.Outcomes;
using Verdict.Experiments.Briefs;
using Verdict.Statistics.Inference;

namespace Verdict.Experiments.Analysis;

/// <summary>
/// Step 6: the primary effect by enrollment day, and a novelty warning when the first third of the days differs
/// from the rest beyond noise (two-sided z test of the two pooled effects, p &lt; 0.01).
/// </summary>
internal static class NoveltyAnalysis
{
    public const string Step = "novelty";

    public const double WarningPValue = 0.01;

    public static NoveltyOutcome Run(ExperimentBrief brief, MetricData data, string control, string treatment)
    {
        var alpha = brief.Analysis.Alpha;
        var days = DayCells.Days(data, brief.PrimaryMetric);
        var effects = new List<DailyEffect>();
        foreach (var day in days)
        {
            var comparison = MetricComparer.Compare(brief, data, brief.PrimaryMetric, control, treatment, alpha, CellScope.Day, "day", DayCells.Label(day));
            if (comparison is not null)
            {
                effects.Add(new DailyEffect(day, comparison.ControlUnits, comparison.TreatmentUnits, comparison.Lift));
            }
        }

        if (effects.Count < 3)
        {
            var few = new AnalysisCheck(Step, "effect over time", CheckStatus.Info, new FewDaysEvidence(effects.Count), ReasonCodes.EffectOverTime);
            return new NoveltyOutcome([few], effects, double.NaN, false);
        }

        var early = effects.Take(Math.Max(1, effects.Count / 3)).ToList();
        var late = effects.Skip(early.Count).ToList();
        var (e, eSe) = Pool(early);
        var (l, lSe) = Pool(late);
        var z = (e - l) / Math.Sqrt((eSe * eSe) + (lSe * lSe));
        var p = Tails.NormalTwoSided(z);
        var unit = brief.Metrics[brief.PrimaryMetric].Unit;
        var novelty = p < WarningPValue && Math.Abs(e) > Math.Abs(l);
        var check = new AnalysisCheck(Step, "effect over time", novelty ? CheckStatus.Warn : CheckStatus.Pass,
            new NoveltyEvidence(early.Count, e, late.Count, l, p, novelty, unit), ReasonCodes.EffectOverTime);
        return new NoveltyOutcome([check], effects, p, novelty);
    }

    /// <summary>Inverse-variance pooled effect of several days.</summary>
    private static (double Effect, double StandardError) Pool(List<DailyEffect> days)
    {
        double weight = 0, sum = 0;
        foreach (var d in days)
        {
            var se = d.Lift.Absolute.StandardError;
            if (d.Lift.IsAvailable && se > 0)
            {
                weight += 1 / (se * se);
                sum += d.Lift.Absolute.Value / (se * se);
            }
        }

        return weight > 0 ? (sum / weight, Math.Sqrt(1 / weight)) : (double.NaN, double.NaN);
    }
}
