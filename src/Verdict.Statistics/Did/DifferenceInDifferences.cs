using System.Globalization;
using MathNet.Numerics.Distributions;
using Verdict.Statistics.Diagnostics;
using Verdict.Statistics.Inference;

namespace Verdict.Statistics.Did;

/// <summary>
/// Difference-in-differences for a change rolled out to some units at one known period, with never-treated units as
/// controls (Angrist and Pischke 2009, ch. 5): the 2×2 estimate (ȳ_T,post − ȳ_T,pre) − (ȳ_C,post − ȳ_C,pre) as the
/// interaction in y ~ 1 + treated + post + treated·post; the two-way fixed-effects regression
/// y_it = α_i + λ_t + β D_it + ε_it; and the event study y_it = α_i + λ_t + Σ_{k≠−1} β_k 1[t − A = k]·treated_i + ε_it,
/// whose leads (k ≤ −2) are the parallel-trends check, tested jointly by a Wald F test. Every covariance is
/// cluster-robust (<see cref="ClusteredRegression"/>). Staggered adoption is refused: with effects that vary over
/// time or cohorts the two-way fixed-effects estimate weights some comparisons negatively (Goodman-Bacon 2021;
/// de Chaisemartin and D'Haultfœuille 2020), so it is not a valid summary; <see cref="StaggeredDifferenceInDifferences"/>
/// estimates such panels.
/// </summary>
public static class DifferenceInDifferences
{
    /// <summary>Estimates the design; problems in the data are diagnostics and a design that cannot be estimated is a refusal.</summary>
    public static DidResult Estimate(IReadOnlyList<PanelObservation> panel, DidOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(panel);
        options ??= new DidOptions();
        options.Validate();
        List<Diagnostic>? diagnostics = null;
        var layout = PanelLayout.Of(panel, options);
        if (layout.Refusal is { } reason)
        {
            return Refused(reason, layout);
        }

        var adoption = layout.Adoption!.Value;
        var n = panel.Count;
        var treatedUnit = new double[n];
        var post = new double[n];
        for (var i = 0; i < n; i++)
        {
            treatedUnit[i] = layout.EverTreated[layout.Units[i]] ? 1 : 0;
            post[i] = layout.Periods[i] >= adoption ? 1 : 0;
        }

        var outcome = panel.Select(o => o.Outcome).ToArray();
        var interaction = treatedUnit.Zip(post, (g, p) => g * p).ToArray();
        var intercept = Enumerable.Repeat(1.0, n).ToArray();
        var twoByTwoFit = ClusteredRegression.Solve([intercept, treatedUnit, post, interaction], outcome, layout.Clusters, null, null);
        var twoByTwo = twoByTwoFit?.Coefficient(3, options.Alpha) ?? Verdict.Statistics.Inference.Estimate.Missing;

        var treated = panel.Select(o => o.Treated ? 1.0 : 0.0).ToArray();
        var twfeFit = ClusteredRegression.Solve([treated], outcome, layout.Clusters, layout.Units, layout.Periods);
        var twfe = twfeFit?.Coefficient(0, options.Alpha) ?? Verdict.Statistics.Inference.Estimate.Missing;
        if (twoByTwoFit is null || twfeFit is null)
        {
            DiagnosticBag.Add(ref diagnostics, new Diagnostic(DiagnosticCode.ZeroVariance, "a regression's design is singular (a regressor has no variation once the fixed effects are removed); its estimate is missing"));
        }

        if (twfeFit is { Converged: false })
        {
            DiagnosticBag.Add(ref diagnostics, new Diagnostic(DiagnosticCode.NotConverged, "the fixed effects did not converge in 10,000 sweeps; the two-way estimates are approximate"));
        }

        var (eventStudy, preTrend) = EventStudy(layout, treatedUnit, outcome, options, ref diagnostics);
        var clusters = twfeFit?.Clusters ?? layout.Clusters.Distinct().Count();
        if (clusters < options.MinClusters)
        {
            DiagnosticBag.Add(ref diagnostics, new Diagnostic(DiagnosticCode.FewClusters, string.Create(CultureInfo.InvariantCulture,
                $"{clusters} clusters: cluster-robust standard errors are too small with fewer than about {options.MinClusters} (Cameron and Miller 2015); read the intervals as optimistic")));
        }

        var cells = new DidCells(
            Mean(outcome, i => treatedUnit[i] == 0 && post[i] == 0),
            Mean(outcome, i => treatedUnit[i] == 0 && post[i] == 1),
            Mean(outcome, i => treatedUnit[i] == 1 && post[i] == 0),
            Mean(outcome, i => treatedUnit[i] == 1 && post[i] == 1));
        return new DidResult(null, layout.PeriodLabels[adoption], layout.TreatedUnitCount, layout.ControlUnitCount, clusters, layout.PeriodLabels.Length, n,
            cells, twoByTwo, twfe, eventStudy, preTrend, DiagnosticBag.Seal(diagnostics));

        double Mean(double[] values, Func<int, bool> where)
        {
            double sum = 0;
            var count = 0;
            for (var i = 0; i < values.Length; i++)
            {
                if (where(i))
                {
                    sum += values[i];
                    count++;
                }
            }

            return count == 0 ? double.NaN : sum / count;
        }
    }

    private static (List<EventStudyCoefficient> Coefficients, PreTrendTest? PreTrend) EventStudy(
        PanelLayout layout, double[] treatedUnit, double[] outcome, DidOptions options, ref List<Diagnostic>? diagnostics)
    {
        var n = outcome.Length;
        var adoption = layout.Adoption!.Value;
        var relative = new int[n];
        var offsets = new SortedSet<int>();
        for (var i = 0; i < n; i++)
        {
            relative[i] = layout.Periods[i] - adoption;
            if (treatedUnit[i] == 1)
            {
                offsets.Add(relative[i]);
            }
        }

        var reference = offsets.Where(k => k < 0).DefaultIfEmpty(-1).Max();
        offsets.Remove(reference);
        var ks = offsets.ToArray();
        var columns = ks.Select(k => Enumerable.Range(0, n).Select(i => treatedUnit[i] == 1 && relative[i] == k ? 1.0 : 0.0).ToArray()).ToArray();
        var fit = ks.Length == 0 ? null : ClusteredRegression.Solve(columns, outcome, layout.Clusters, layout.Units, layout.Periods);
        var coefficients = new List<EventStudyCoefficient>();
        for (var j = 0; j < ks.Length; j++)
        {
            coefficients.Add(new EventStudyCoefficient(ks[j], fit?.Coefficient(j, options.Alpha) ?? Verdict.Statistics.Inference.Estimate.Missing));
        }

        coefficients.Add(new EventStudyCoefficient(reference, Verdict.Statistics.Inference.Estimate.FromStatistic(0, 0, options.Alpha), IsReference: true));
        coefficients.Sort((a, b) => a.RelativePeriod.CompareTo(b.RelativePeriod));
        var leads = Enumerable.Range(0, ks.Length).Where(j => ks[j] < reference).ToArray();
        if (fit is null && ks.Length > 0)
        {
            DiagnosticBag.Add(ref diagnostics, new Diagnostic(DiagnosticCode.ZeroVariance, "the event-study regression is singular; its leads and lags are missing and parallel trends cannot be checked"));
            return (coefficients, null);
        }

        if (leads.Length == 0 || fit is null)
        {
            DiagnosticBag.Add(ref diagnostics, new Diagnostic(DiagnosticCode.PreTrend,
                "only one pre-period: parallel trends cannot be checked from the data; the estimate rests on the assumption alone"));
            return (coefficients, null);
        }

        var b = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense(leads.Length, i => fit.Coefficients[leads[i]]);
        var v = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(leads.Length, leads.Length, (r, c) => fit.Covariance[leads[r], leads[c]]);
        var statistic = b * v.Inverse() * b / leads.Length;
        var p = 1 - FisherSnedecor.CDF(leads.Length, fit.DegreesOfFreedom, statistic);
        var flat = !(p < options.PreTrendAlpha);
        if (!flat)
        {
            DiagnosticBag.Add(ref diagnostics, new Diagnostic(DiagnosticCode.PreTrend, string.Create(CultureInfo.InvariantCulture,
                $"the {leads.Length} pre-period leads are not flat (joint F = {statistic:F2}, p = {p:G3}): treated and control units were already drifting apart before adoption, so the difference-in-differences estimate is doubtful")));
        }

        return (coefficients, new PreTrendTest(statistic, leads.Length, fit.DegreesOfFreedom, p, flat));
    }

    private static DidResult Refused(string reason, PanelLayout layout) =>
        new(reason, null, layout.TreatedUnitCount, layout.ControlUnitCount, 0, layout.PeriodLabels.Length, layout.Units.Length, null,
            Verdict.Statistics.Inference.Estimate.Missing, Verdict.Statistics.Inference.Estimate.Missing, [], null, [])
        {
            IsStaggered = layout.IsStaggered,
        };
}
