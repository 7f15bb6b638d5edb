using Verdict.Experiments.Briefs;
using Verdict.Experiments.Metrics;
using Verdict.Statistics.Comparisons;
using Verdict.Statistics.Inference;
using Verdict.Statistics.Quantiles;
using Verdict.Statistics.SufficientStatistics;
using Verdict.Statistics.VarianceReduction;

namespace Verdict.Experiments.Analysis;

/// <summary>Turns a metric's cells into a treatment-versus-control comparison with the method its type calls for.</summary>
internal static class MetricComparer
{
    /// <summary>Compares <paramref name="metric"/> in one scope; null when the data has no cells for it.</summary>
    public static MetricComparison? Compare(
        ExperimentBrief brief,
        MetricData data,
        string metric,
        string control,
        string treatment,
        double alpha,
        CellScope scope = CellScope.Overall,
        string? scopeName = null,
        string? scopeValue = null)
    {
        var definition = brief.Metrics[metric];
        CellKey Key(string arm) => new(metric, arm, scope, scopeName, scopeValue);
        if (definition.Type == MetricType.Quantile)
        {
            var qc = data.Quantiles.FirstOrDefault(q => q.Key == Key(control));
            var qt = data.Quantiles.FirstOrDefault(q => q.Key == Key(treatment));
            if (qc is null || qt is null)
            {
                return null;
            }

            return new MetricComparison
            {
                Metric = metric,
                Type = definition.Type,
                Unit = definition.Unit,
                ControlUnits = qc.Estimate.Ranks.Count,
                TreatmentUnits = qt.Estimate.Ranks.Count,
                ControlValue = qc.Estimate.Value,
                TreatmentValue = qt.Estimate.Value,
                Lift = QuantileDifference.Compare(qc.Estimate, qt.Estimate, alpha),
            };
        }

        if (data.Cells.FirstOrDefault(x => x.Key == Key(control))?.Moments is not { } c
            || data.Cells.FirstOrDefault(x => x.Key == Key(treatment))?.Moments is not { } t)
        {
            return null;
        }

        if (scope == CellScope.Day)
        {
            return CompareMoments(brief, definition, c, t, alpha);
        }

        if (ResolvedPlan.IsClustered(brief) && definition.Covariate is not null
            && data.RatioCovariates?.FirstOrDefault(x => x.Key == Key(control))?.Moments is { } rc
            && data.RatioCovariates?.FirstOrDefault(x => x.Key == Key(treatment))?.Moments is { } rt)
        {
            // Cluster-randomized with a covariate: ratio CUPED over clusters (the metric's and the covariate's sums
            // over each cluster's units), so the adjustment keeps the cluster-robust variance.
            var cuped = Cuped.CompareRatio(rc, rt, alpha);
            var ratio = RatioMetric.Compare(c, t, alpha);
            return Comparison(definition, c, t, ratio.ControlMean, ratio.TreatmentMean, cuped.Adjusted) with
            {
                Unadjusted = cuped.Unadjusted,
                VarianceReduction = Reduction(cuped.Adjusted, cuped.Unadjusted, cuped.VarianceReduction),
            };
        }

        if (definition.Covariate is not null && !(definition.Type == MetricType.Ratio || ResolvedPlan.IsClustered(brief)))
        {
            var cuped = Cuped.Compare(c, t, alpha);
            var unadjusted = Unadjusted(definition, c, t, alpha);
            return Comparison(definition, c, t, c.MeanY, t.MeanY, cuped.Adjusted) with
            {
                Unadjusted = unadjusted,
                VarianceReduction = Reduction(cuped.Adjusted, unadjusted, cuped.VarianceReduction),
            };
        }

        return CompareMoments(brief, definition, c, t, alpha);
    }

    /// <summary>
    /// Compares two arms' moments without covariate adjustment (day cells, and metrics without a covariate): a ratio
    /// of sums for ratio metrics and cluster-randomized briefs, the unadjusted test otherwise; null for a quantile metric.
    /// </summary>
    public static MetricComparison? CompareMoments(ExperimentBrief brief, MetricDefinition definition, BivariateMoments c, BivariateMoments t, double alpha)
    {
        if (definition.Type == MetricType.Quantile)
        {
            return null;
        }

        if (definition.Type == MetricType.Ratio || ResolvedPlan.IsClustered(brief))
        {
            // Cluster-randomized: cells hold per-cluster sums (y) and unit counts or denominators (x), so every
            // metric is a ratio of sums over clusters and the delta method gives cluster-robust variances
            // (Deng, Knoblich and Lu, KDD 2018, §3).
            var lift = RatioMetric.Compare(c, t, alpha);
            return Comparison(definition, c, t, lift.ControlMean, lift.TreatmentMean, lift);
        }

        return Comparison(definition, c, t, c.MeanY, t.MeanY, Unadjusted(definition, c, t, alpha));
    }
    /// <summary>
    /// The variance reduction from the standard errors the outputs print, 1 − (SE_adjusted / SE_unadjusted)², so the
    /// figure agrees with the two intervals a reader sees (for a binary metric the unadjusted interval is the Wald
    /// interval, whose SE differs slightly from the CUPED regression's); the engine's own figure when an SE is missing.
    /// </summary>
    private static double Reduction(Lift adjusted, Lift unadjusted, double fallback)
    {
        var a = adjusted.Absolute.StandardError;
        var u = unadjusted.Absolute.StandardError;
        return double.IsFinite(a) && double.IsFinite(u) && u > 0 ? 1 - (a / u * (a / u)) : fallback;
    }

    private static Lift Unadjusted(MetricDefinition definition, BivariateMoments c, BivariateMoments t, double alpha)
    {
        if (definition.Type == MetricType.Binary)
        {
            // Binary per-unit values: the Wald test on the proportions (seed 000's interval).
            return TwoProportions.Compare((long)Math.Round(c.MeanY * c.Count), c.Count, (long)Math.Round(t.MeanY * t.Count), t.Count, alpha);
        }

        return TwoMeans.Compare(c.Y, t.Y, alpha);
    }

    private static MetricComparison Comparison(MetricDefinition d, BivariateMoments c, BivariateMoments t, double cv, double tv, Lift lift) => new()
    {
        Metric = d.Name,
        Type = d.Type,
        Unit = d.Unit,
        ControlUnits = c.Count,
        TreatmentUnits = t.Count,
        ControlValue = cv,
        TreatmentValue = tv,
        Lift = lift,
    };
}
