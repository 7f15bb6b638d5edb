using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using Verdict.Statistics.Diagnostics;
using Verdict.Statistics.Inference;

namespace Verdict.Statistics.Did;

/// <summary>
/// Difference-in-differences under staggered adoption by group-time effects (Callaway and Sant'Anna 2021, with
/// never-treated units as the comparison group and a universal base period): for the cohort g first treated in period
/// g and each period t ≠ g − 1, ATT(g, t) = mean_{i∈g}(Y_it − Y_i,g−1) − mean_{i∈never}(Y_it − Y_i,g−1). Each unit's
/// influence on it is (n/n_g)(Δᵢ − Δ̄_g) in the cohort and −(n/n_C)(Δᵢ − Δ̄_C) among controls; variances are
/// Σ_c (Σ_{i∈c} ψᵢ)² / n² over clusters c (units by default), i.e. the HC0 difference of means when clusters are units.
/// Aggregates — the overall ATT over post cells and the event-time averages θ(e) — weight cohorts by size (weights held
/// fixed, their estimation error ignored) and combine the influence functions, so their covariance (and the joint test
/// of the leads) follows. Unlike two-way fixed effects, no already-treated unit ever serves as a control, so effects
/// that change over time or across cohorts do not bias it (Goodman-Bacon 2021). Needs a balanced panel.
/// </summary>
public static class StaggeredDifferenceInDifferences
{
    /// <summary>Estimates group-time effects and their aggregates; a design it cannot estimate is a refusal.</summary>
    public static StaggeredDidResult Estimate(IReadOnlyList<PanelObservation> panel, DidOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(panel);
        options ??= new DidOptions();
        options.Validate();
        var layout = PanelLayout.Of(panel, options);
        if (layout.Refusal is { } reason && !layout.IsStaggered)
        {
            return Refused(reason, layout);
        }

        var unitCount = layout.EverTreated.Length;
        var periodCount = layout.PeriodLabels.Length;
        var y = new double[unitCount, periodCount];
        var seen = new int[unitCount, periodCount];
        var clusterOf = new int[unitCount];
        for (var i = 0; i < panel.Count; i++)
        {
            y[layout.Units[i], layout.Periods[i]] = panel[i].Outcome;
            seen[layout.Units[i], layout.Periods[i]]++;
            clusterOf[layout.Units[i]] = layout.Clusters[i];
        }

        if (panel.Count != unitCount * periodCount || seen.Cast<int>().Any(c => c != 1))
        {
            return Refused("staggered adoption needs a balanced panel (each unit observed once in every period); this one is not, so a unit's adoption period is not known", layout);
        }

        var cohorts = layout.FirstTreated.Where(f => f != int.MaxValue).Distinct().Order().ToArray();
        if (cohorts[0] == 0)
        {
            var first = options.PeriodName?.Invoke(layout.PeriodLabels[0]) ?? layout.PeriodLabels[0].ToString(CultureInfo.InvariantCulture);
            return Refused($"units treated from the first period ({first}) have no period before adoption to difference from", layout);
        }

        var controls = Enumerable.Range(0, unitCount).Where(u => !layout.EverTreated[u]).ToArray();
        var cells = new List<(int G, int T, int Size, double Att, double[] Psi)>();
        foreach (var g in cohorts)
        {
            var members = Enumerable.Range(0, unitCount).Where(u => layout.FirstTreated[u] == g).ToArray();
            for (var t = 0; t < periodCount; t++)
            {
                if (t != g - 1)
                {
                    var (att, psi) = Cell(y, members, controls, g - 1, t, unitCount);
                    cells.Add((g, t, members.Length, att, psi));
                }
            }
        }

        List<Diagnostic>? diagnostics = null;
        var clusters = clusterOf.Distinct().Count();
        if (clusters < options.MinClusters)
        {
            DiagnosticBag.Add(ref diagnostics, new Diagnostic(DiagnosticCode.FewClusters, string.Create(CultureInfo.InvariantCulture,
                $"{clusters} clusters: influence-function standard errors are too small with fewer than about {options.MinClusters}; read the intervals as optimistic")));
        }

        var variance = new ClusterVariance(clusterOf, unitCount);
        var groupTime = cells.Select(c => new GroupTimeEffect(layout.PeriodLabels[c.G], layout.PeriodLabels[c.T], c.Size,
            Verdict.Statistics.Inference.Estimate.FromStatistic(c.Att, Math.Sqrt(variance.Of(c.Psi, c.Psi)), options.Alpha))).ToList();
        var post = cells.Where(c => c.T >= c.G).ToList();
        var (overall, overallPsi) = Aggregate(post);
        var overallEstimate = Verdict.Statistics.Inference.Estimate.FromStatistic(overall, Math.Sqrt(variance.Of(overallPsi, overallPsi)), options.Alpha);

        var events = cells.GroupBy(c => c.T - c.G).OrderBy(e => e.Key).Select(e => (E: e.Key, Value: Aggregate(e.ToList()))).ToList();
        var eventStudy = events.Select(e => new EventStudyCoefficient(e.E, Verdict.Statistics.Inference.Estimate.FromStatistic(e.Value.Att, Math.Sqrt(variance.Of(e.Value.Psi, e.Value.Psi)), options.Alpha))).ToList();
        eventStudy.Add(new EventStudyCoefficient(-1, Verdict.Statistics.Inference.Estimate.FromStatistic(0, 0, options.Alpha), IsReference: true));
        eventStudy.Sort((a, b) => a.RelativePeriod.CompareTo(b.RelativePeriod));
        var preTrend = PreTrend(events.Where(e => e.E <= -2).Select(e => e.Value).ToList(), variance, options, ref diagnostics);
        return new StaggeredDidResult(null, layout.TreatedUnitCount, layout.ControlUnitCount, clusters, groupTime, overallEstimate, eventStudy, preTrend, DiagnosticBag.Seal(diagnostics));
    }

    /// <summary>ATT(g, t) from base period <paramref name="b"/> and each unit's influence on it.</summary>
    private static (double Att, double[] Psi) Cell(double[,] y, int[] members, int[] controls, int b, int t, int n)
    {
        var treatedMean = members.Average(u => y[u, t] - y[u, b]);
        var controlMean = controls.Average(u => y[u, t] - y[u, b]);
        var psi = new double[n];
        foreach (var u in members)
        {
            psi[u] = n / (double)members.Length * (y[u, t] - y[u, b] - treatedMean);
        }

        foreach (var u in controls)
        {
            psi[u] = -n / (double)controls.Length * (y[u, t] - y[u, b] - controlMean);
        }

        return (treatedMean - controlMean, psi);
    }

    /// <summary>The cohort-size weighted average of cells and its influence function.</summary>
    private static (double Att, double[] Psi) Aggregate(List<(int G, int T, int Size, double Att, double[] Psi)> cells)
    {
        var total = cells.Sum(c => (double)c.Size);
        var psi = new double[cells[0].Psi.Length];
        var att = 0.0;
        foreach (var c in cells)
        {
            var w = c.Size / total;
            att += w * c.Att;
            for (var i = 0; i < psi.Length; i++)
            {
                psi[i] += w * c.Psi[i];
            }
        }

        return (att, psi);
    }

    private static PreTrendTest? PreTrend(List<(double Att, double[] Psi)> leads, ClusterVariance variance, DidOptions options, ref List<Diagnostic>? diagnostics)
    {
        if (leads.Count == 0)
        {
            DiagnosticBag.Add(ref diagnostics, new Diagnostic(DiagnosticCode.PreTrend, "no cohort has two pre-periods: parallel trends cannot be checked from the data"));
            return null;
        }

        var q = leads.Count;
        var b = Vector<double>.Build.Dense(q, i => leads[i].Att);
        var v = Matrix<double>.Build.Dense(q, q, (r, c) => variance.Of(leads[r].Psi, leads[c].Psi));
        var wald = b * v.PseudoInverse() * b;
        var p = Tails.ChiSquareUpper(wald, q);
        var flat = !(p < options.PreTrendAlpha);
        if (!flat)
        {
            DiagnosticBag.Add(ref diagnostics, new Diagnostic(DiagnosticCode.PreTrend, string.Create(CultureInfo.InvariantCulture,
                $"the {q} pre-period event-time averages are not flat (χ² = {wald:F2}, p = {p:G3}): cohorts were already drifting from the never-treated units before adoption")));
        }

        return new PreTrendTest(wald / q, q, double.PositiveInfinity, p, flat);
    }

    private static StaggeredDidResult Refused(string reason, PanelLayout layout) =>
        new(reason, layout.TreatedUnitCount, layout.ControlUnitCount, 0, [], Verdict.Statistics.Inference.Estimate.Missing, [], null, []);

    /// <summary>Covariances of influence functions summed within clusters: Σ_c (Σ_{i∈c} ψᵢ)(Σ_{i∈c} φᵢ) / n².</summary>
    private sealed class ClusterVariance(int[] clusterOf, int n)
    {
        public double Of(double[] psi, double[] phi)
        {
            var a = new double[clusterOf.Max() + 1];
            var b = new double[a.Length];
            for (var i = 0; i < psi.Length; i++)
            {
                a[clusterOf[i]] += psi[i];
                b[clusterOf[i]] += phi[i];
            }

            var sum = 0.0;
            for (var c = 0; c < a.Length; c++)
            {
                sum += a[c] * b[c];
            }

            return sum / ((double)n * n);
        }
    }
}
