using Verdict.Statistics.Diagnostics;
using Verdict.Statistics.Inference;
using Verdict.Statistics.SufficientStatistics;

namespace Verdict.Statistics.Bandits;

/// <summary>
/// Period-stratified and inverse-propensity estimates for data a bandit collected (docs/bandits.md, "Honest
/// analysis"). Within a period the weights are fixed, so each period is a small randomized experiment.
/// Stratified: μ̂ₐ = Σₚ Wₚ ȳₚₐ and lift Σₚ Wₚ (ȳₚₜ − ȳₚ꜀) with Wₚ = nₚ/Σ nₚ, nₚ the period's units in every arm,
/// over the periods where both compared arms have at least two units; Var = Σₚ Wₚ² (s²ₚₜ/nₚₜ + s²ₚ꜀/nₚ꜀)
/// (post-stratification, Cochran 1977, §5.2 and eq. 5.6).
/// Inverse propensity (Horvitz and Thompson 1952): μ̂ₐ = (1/N) Σₚ Σyₚₐ / πₚₐ with N all units in all periods; its
/// standard error is the sandwich (influence-function) variance of the per-unit terms zᵢ = 1[Aᵢ = a]·yᵢ/πᵢ, the HC1
/// variance of a regression on an intercept: SE² = Σᵢ (zᵢ − μ̂ₐ)² / (N(N − 1)) with Σᵢ zᵢ² = Σₚ Σy²ₚₐ / π²ₚₐ (White 1980;
/// MacKinnon and White 1985). The lift's terms are zᵢ(t) − zᵢ(c), whose cross products vanish (one arm per unit).
/// </summary>
public static class BanditEstimator
{
    /// <summary>Estimates every arm's mean, and the stratified lift of <paramref name="treatment"/> over <paramref name="control"/>.</summary>
    public static BanditEstimate Estimate(IReadOnlyList<BanditCell> cells, int arms, int control = 0, int treatment = 1, double alpha = 0.05)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentOutOfRangeException.ThrowIfLessThan(arms, 2);
        ArgumentOutOfRangeException.ThrowIfNegative(control);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(control, arms);
        ArgumentOutOfRangeException.ThrowIfNegative(treatment);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(treatment, arms);
        Guard.Alpha(alpha);
        var periods = new SortedDictionary<int, Moments[]>();
        var propensities = new Dictionary<(int, int), double>();
        var pooled = new Moments[arms];
        foreach (var cell in cells)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(cell.Period, nameof(cells));
            if (cell.Arm < 0 || cell.Arm >= arms)
            {
                throw new ArgumentOutOfRangeException(nameof(cells), cell.Arm, $"arm index must lie in [0, {arms})");
            }

            if (!(cell.Propensity > 0 && cell.Propensity <= 1))
            {
                throw new ArgumentOutOfRangeException(nameof(cells), cell.Propensity, $"the propensity of arm {cell.Arm} in period {cell.Period} must lie in (0, 1]");
            }

            if (!periods.TryGetValue(cell.Period, out var row))
            {
                periods[cell.Period] = row = new Moments[arms];
            }

            row[cell.Arm] += cell.Rewards;
            pooled[cell.Arm] += cell.Rewards;
            propensities[(cell.Period, cell.Arm)] = cell.Propensity;
        }

        var naive = pooled.Select(m => m.Count > 0 ? m.Mean : double.NaN).ToArray();
        var stratified = new double[arms];
        var ipw = new double[arms];
        var total = periods.Values.Sum(r => r.Sum(m => m.Count));
        for (var a = 0; a < arms; a++)
        {
            stratified[a] = StratifiedMean(periods.Values, a);
            ipw[a] = total == 0 ? double.NaN
                : periods.Sum(p => p.Value[a].Count == 0 ? 0 : p.Value[a].Sum / propensities[(p.Key, a)]) / total;
        }

        var (lift, used, diagnostics) = StratifiedLift(periods.Values, control, treatment, alpha);
        var squares = new double[arms];
        foreach (var (period, row) in periods)
        {
            for (var a = 0; a < arms; a++)
            {
                if (row[a].Count > 0)
                {
                    var pi = propensities[(period, a)];
                    squares[a] += (row[a].SumOfSquaredDeviations + (row[a].Count * row[a].Mean * row[a].Mean)) / (pi * pi);
                }
            }
        }

        return new BanditEstimate(naive, stratified, ipw, lift, used, diagnostics)
        {
            InverseProbabilityIntervals = Enumerable.Range(0, arms).Select(a => Sandwich(ipw[a], squares[a], total, alpha)).ToArray(),
            InverseProbabilityLift = Sandwich(ipw[treatment] - ipw[control], squares[treatment] + squares[control], total, alpha),
        };
    }

    /// <summary>The mean of N per-unit terms with sum of squares <paramref name="squares"/>, its HC1 error, normal interval and test of 0.</summary>
    private static Estimate Sandwich(double mean, double squares, long units, double alpha)
    {
        if (units < 2 || !double.IsFinite(mean))
        {
            return Verdict.Statistics.Inference.Estimate.Missing;
        }

        var deviations = Math.Max(squares - (units * mean * mean), 0);
        return Verdict.Statistics.Inference.Estimate.FromStatistic(mean, Math.Sqrt(deviations / ((double)units * (units - 1))), alpha);
    }

    private static double StratifiedMean(IEnumerable<Moments[]> periods, int arm)
    {
        double weighted = 0, units = 0;
        foreach (var row in periods)
        {
            if (row[arm].Count == 0)
            {
                continue;
            }

            var n = row.Sum(m => m.Count);
            weighted += n * row[arm].Mean;
            units += n;
        }

        return units > 0 ? weighted / units : double.NaN;
    }

    private static (Estimate Lift, int Used, IReadOnlyList<Diagnostic> Diagnostics) StratifiedLift(
        IEnumerable<Moments[]> periods, int control, int treatment, double alpha)
    {
        double units = 0, sum = 0, variance = 0;
        var used = 0;
        var skipped = 0;
        foreach (var row in periods)
        {
            var c = row[control];
            var t = row[treatment];
            if (c.Count < 2 || t.Count < 2)
            {
                skipped++;
                continue;
            }

            // The period's weight counts every arm's units, as the per-arm stratified means do.
            double n = row.Sum(m => m.Count);
            units += n;
            sum += n * (t.Mean - c.Mean);
            variance += n * n * ((t.Variance / t.Count) + (c.Variance / c.Count));
            used++;
        }

        var diagnostics = new List<Diagnostic>();
        if (skipped > 0)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCode.TooFewUnits, $"{skipped} period(s) left out of the stratified lift: an arm had fewer than two units"));
        }

        if (used == 0)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCode.EmptyArm, "no period has two units in both arms, so there is no stratified lift"));
            return (Verdict.Statistics.Inference.Estimate.Missing, 0, diagnostics);
        }

        return (Verdict.Statistics.Inference.Estimate.FromStatistic(sum / units, Math.Sqrt(variance) / units, alpha), used, diagnostics);
    }
}
