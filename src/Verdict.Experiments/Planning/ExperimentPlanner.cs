using Verdict.Experiments.Briefs;
using Verdict.Experiments.Metrics;
using Verdict.Statistics.Power;

namespace Verdict.Experiments.Planning;

/// <summary>
/// Plans an experiment from its brief with <see cref="SampleSize"/>: seed 000's formula for proportions
/// (n = p(1−p)(1 + 1/r)(z₁₋α/₂ + z_power)²/δ² for the control arm) and the normal formula for means. With more than
/// one treatment each is sized against control and the largest control size wins.
/// </summary>
public static class ExperimentPlanner
{
    /// <summary>Plans <paramref name="brief"/>; <paramref name="dailyUnits"/> overrides the brief's <c>traffic.daily_units</c>.</summary>
    public static ExperimentPlan Plan(ExperimentBrief brief, double? dailyUnits = null, ISequentialPlanner? sequential = null)
    {
        ArgumentNullException.ThrowIfNull(brief);
        sequential ??= GroupSequentialPlanner.Instance;
        if (dailyUnits is { } d)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(d, nameof(dailyUnits));
            if (!double.IsFinite(d))
            {
                throw new ArgumentOutOfRangeException(nameof(dailyUnits), d, "must be a finite number");
            }
        }

        var notes = new List<string>();
        var analysis = brief.Analysis;
        var metric = brief.Metrics[brief.PrimaryMetric];
        if (brief.TreatmentCount > 1)
        {
            notes.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{brief.TreatmentCount} treatments share alpha {analysis.Alpha}: each is compared with control at {brief.PrimaryAlpha:0.####} (Bonferroni)"));
        }

        var (mde, method) = AbsoluteMde(brief, metric, notes);
        var control = brief.Control;
        long? controlUnits = analysis.PlannedUnitsPerArm;
        if (controlUnits is null && mde is { } delta)
        {
            controlUnits = brief.Arms.Where(a => !a.IsControl && a.Weight > 0)
                .Select(arm => ControlUnits(metric, analysis, brief.PrimaryAlpha, delta, arm.Weight / control.Weight))
                .DefaultIfEmpty(0)
                .Max();
        }

        SequentialDesign? design = null;
        if (analysis.Design == AnalysisDesign.GroupSequential)
        {
            if (sequential is null)
            {
                notes.Add("group sequential boundaries and the sample-size inflation they need are not computed yet: no ISequentialPlanner is wired");
            }
            else
            {
                design = sequential.Plan(analysis.Looks, analysis.Spending!, brief.PrimaryAlpha, analysis.Power);
                controlUnits = controlUnits is { } n ? (long)Math.Ceiling(n * design.InflationFactor) : null;
            }
        }
        else if (analysis.Design == AnalysisDesign.AlwaysValid)
        {
            notes.Add("always-valid inference: the size shown is the fixed-horizon size; expect to need more units for the same power");
        }

        var arms = controlUnits is { } nc
            ? brief.Arms.Select(a => new ArmPlan(a.Name, a.Weight, (long)Math.Ceiling((nc * a.Weight / control.Weight) - 1e-9))).ToList()
            : [];
        var total = arms.Count > 0 ? arms.Sum(a => a.Units) : (long?)null;
        var daily = dailyUnits ?? brief.Traffic.DailyUnits;
        var enrolled = daily is { } dd ? dd * EnrolledShare(brief) : (double?)null;
        int? days = total is { } t && enrolled is > 0 ? (int)Math.Ceiling(t / enrolled.Value) : null;
        if (daily is null)
        {
            notes.Add("no daily traffic: give traffic.daily_units or --daily-traffic for a duration");
        }

        return new ExperimentPlan
        {
            PrimaryMetric = brief.PrimaryMetric,
            AbsoluteMde = mde,
            Method = method,
            Arms = arms,
            TotalUnits = total,
            DailyUnits = daily,
            EnrolledPerDay = enrolled,
            DurationDays = days,
            Sequential = design,
            Notes = notes,
        };
    }

    /// <summary>The share of eligible traffic that enters the experiment: exposure × layer share × (1 − holdout).</summary>
    public static double EnrolledShare(ExperimentBrief brief)
    {
        ArgumentNullException.ThrowIfNull(brief);
        var layer = brief.Traffic.Layer is { } l ? l.To - l.From : 1;
        var held = brief.Traffic.Holdout?.Fraction ?? 0;
        return brief.Traffic.Exposure * layer * (1 - held);
    }

    private static (double? Mde, string? Method) AbsoluteMde(ExperimentBrief brief, MetricDefinition metric, List<string> notes)
    {
        var analysis = brief.Analysis;
        var mde = analysis.Mde;
        double? absolute = mde.IsRelative
            ? analysis.Baseline is { } b ? Math.Abs(b) * mde.Value : null
            : mde.Value;
        if (absolute is null)
        {
            notes.Add("a relative MDE needs analysis.baseline to become absolute");
            return (null, null);
        }

        if (metric.Unit == MetricUnit.Proportion && metric.Type is MetricType.Binary)
        {
            if (analysis.Baseline is null)
            {
                notes.Add("a binary primary metric needs analysis.baseline (the control rate) for a sample size");
                return (null, null);
            }

            return (absolute, "two proportions, normal approximation, baseline variance in both arms (seed 000)");
        }

        if (analysis.BaselineStandardDeviation is null)
        {
            notes.Add($"a {metric.Type.ToString().ToLowerInvariant()} primary metric needs analysis.baseline_sd for a sample size");
            return (null, null);
        }

        var method = metric.Type is MetricType.Quantile or MetricType.Ratio
            ? $"two means with the given standard deviation (an approximation for a {metric.Type.ToString().ToLowerInvariant()} metric)"
            : "two means, normal approximation";
        return (absolute, method);
    }

    private static long ControlUnits(MetricDefinition metric, AnalysisPlan analysis, double alpha, double mde, double ratio) =>
        metric.Type == MetricType.Binary
            ? SampleSize.ForProportions(analysis.Baseline!.Value, mde, alpha, analysis.Power, SampleSizeFormula.Simple, ratio).Control
            : SampleSize.ForMeans(analysis.BaselineStandardDeviation!.Value, mde, alpha, analysis.Power, ratio).Control;
}
