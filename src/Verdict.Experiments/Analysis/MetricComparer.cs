using Verdict.Statistics;

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
        if (definition.Type == MetricType.Quantile)
        {
            var qc = FindQuantile(data, metric, control, scope, scopeName, scopeValue);
            var qt = FindQuantile(data, metric, treatment, scope, scopeName, scopeValue);
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

        var c = Find(data, metric, control, scope, scopeName, scopeValue);
        var t = Find(data, metric, treatment, scope, scopeName, scopeValue);
        if (c is null || t is null)
        {
            return null;
        }

        if (ResolvedPlan.IsClustered(brief) && definition.Covariate is not null && scope != CellScope.Day
            && FindCovariates(data, metric, control, scope, scopeName, scopeValue) is { } rc
            && FindCovariates(data, metric, treatment, scope, scopeName, scopeValue) is { } rt)
        {
            // Cluster-randomized with a covariate: ratio CUPED over clusters (the metric's and the covariate's sums
            // over each cluster's units), so the adjustment keeps the cluster-robust variance.
            var cuped = Cuped.CompareRatio(rc, rt, alpha);
            var ratio = RatioMetric.Compare(c.Value, t.Value, alpha);
            return Comparison(definition, c.Value, t.Value, ratio.ControlMean, ratio.TreatmentMean, cuped.Adjusted) with
            {
                Unadjusted = cuped.Unadjusted,
                VarianceReduction = Reduction(cuped.Adjusted, cuped.Unadjusted, cuped.VarianceReduction),
            };
        }

        if (definition.Type == MetricType.Ratio || ResolvedPlan.IsClustered(brief))
        {
            // Cluster-randomized: cells hold per-cluster sums (y) and unit counts or denominators (x), so every
            // metric is a ratio of sums over clusters and the delta method gives cluster-robust variances
            // (Deng, Knoblich and Lu, KDD 2018, §3).
            var lift = RatioMetric.Compare(c.Value, t.Value, alpha);
            return Comparison(definition, c.Value, t.Value, lift.ControlMean, lift.TreatmentMean, lift);
        }

        if (definition.Covariate is not null && scope != CellScope.Day)
        {
            var cuped = Cuped.Compare(c.Value, t.Value, alpha);
            var unadjusted = Unadjusted(definition, c.Value, t.Value, alpha);
            return Comparison(definition, c.Value, t.Value, c.Value.MeanY, t.Value.MeanY, cuped.Adjusted) with
            {
                Unadjusted = unadjusted,
                VarianceReduction = Reduction(cuped.Adjusted, unadjusted, cuped.VarianceReduction),
            };
        }

        return Comparison(definition, c.Value, t.Value, c.Value.MeanY, t.Value.MeanY, Unadjusted(definition, c.Value, t.Value, alpha));
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

    private static RatioCovariateMoments? FindCovariates(MetricData data, string metric, string arm, CellScope scope, string? name, string? value) =>
        data.RatioCovariates?.FirstOrDefault(c => c.Metric == metric && c.Arm == arm && c.Scope == scope && c.ScopeName == name && c.ScopeValue == value)?.Moments;

    private static BivariateMoments? Find(MetricData data, string metric, string arm, CellScope scope, string? name, string? value)
    {
        foreach (var cell in data.Cells)
        {
            if (cell.Metric == metric && cell.Arm == arm && cell.Scope == scope && cell.ScopeName == name && cell.ScopeValue == value)
            {
                return cell.Moments;
            }
        }

        return null;
    }

    private static QuantileCell? FindQuantile(MetricData data, string metric, string arm, CellScope scope, string? name, string? value) =>
        data.Quantiles.FirstOrDefault(q => q.Metric == metric && q.Arm == arm && q.Scope == scope && q.ScopeName == name && q.ScopeValue == value);
}
