using Verdict.Statistics.Inference;

namespace Verdict.Statistics.AlwaysValid;

/// <summary>
/// Asymptotic confidence sequences (Waudby-Smith, Arbour, Sinha, Kennedy and Ramdas, "Time-uniform central limit
/// theory and asymptotic confidence sequences", Annals of Statistics 2024, arXiv:2103.06476), parametrised exactly
/// as GrowthBook's sequential engine (gbstats <c>frequentist/tests.py</c>: <c>sequential_rho</c>,
/// <c>sequential_interval_halfwidth</c>, the one-sided variant and its p-values), so a team moving from GrowthBook
/// gets the same intervals for the same tuning parameter N*.
/// </summary>
public static class AsymptoticConfidenceSequence
{
    /// <summary>GrowthBook's default tuning parameter N*: the number of units at which the sequence is tightest.</summary>
    public const double DefaultTuningUnits = 5000;

    /// <summary>
    /// Mixing parameter ρ = √((−2 ln a + ln(1 − 2 ln a)) / N*) with a = α (two-sided) or 2α (one-sided)
    /// (arXiv:2103.06476v7, eq. 161).
    /// </summary>
    public static double Rho(double alpha, double tuningUnits, int sides = 2)
    {
        Guard.Alpha(alpha);
        Guard.Positive(tuningUnits);
        CheckSides(sides);
        var a = sides == 2 ? alpha : 2 * alpha;
        var logA = Math.Log(a);
        return Math.Sqrt(((-2 * logA) + Math.Log((-2 * logA) + 1)) / tuningUnits);
    }

    /// <summary>
    /// The sequence at one look from an estimate, its standard error and the units in both arms n, with per-unit
    /// variance s² = SE²·n. Two-sided half-width √(s²·2(nρ²+1)/(nρ)²·ln(√(nρ²+1)/α)) (eq. 9) and p-value
    /// 1/e with e = exp(ρ²·θ̂²n/SE² / (2(nρ²+1)))/√(nρ²+1) (eq. 155); one-sided half-width
    /// √(s²·2(nρ²+1)/(nρ)²·ln(1 + √(nρ²+1)/(2α))) and the p-value at which that bound touches zero.
    /// </summary>
    /// <param name="estimate">Absolute or relative lift.</param>
    /// <param name="standardError">Its standard error.</param>
    /// <param name="units">Units in both arms together.</param>
    /// <param name="tuningUnits">N*.</param>
    /// <param name="alpha">Significance level.</param>
    /// <param name="sides">2, or 1 for the alternative "effect &gt; 0".</param>
    public static AlwaysValidResult Evaluate(double estimate, double standardError, long units, double tuningUnits = DefaultTuningUnits, double alpha = 0.05, int sides = 2)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(units, 1);
        if (sides == 1 && alpha >= 0.5)
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "a one-sided sequence needs alpha below 0.5");
        }

        var rho = Rho(alpha, tuningUnits, sides);
        if (!double.IsFinite(estimate) || !(standardError > 0) || !double.IsFinite(standardError))
        {
            return AlwaysValidResult.Missing with { Value = estimate, StandardError = standardError, Sides = sides };
        }

        double n = units;
        var s2 = standardError * standardError * n;
        var nr2p1 = (n * rho * rho) + 1;
        var scale = s2 * 2 * nr2p1 / ((n * rho) * (n * rho));
        if (sides == 2)
        {
            var half = Math.Sqrt(scale * Math.Log(Math.Sqrt(nr2p1) / alpha));
            var st2 = estimate * estimate * n / (standardError * standardError);
            var logE = (rho * rho * st2 / (2 * nr2p1)) - (0.5 * Math.Log(nr2p1));
            return new AlwaysValidResult(estimate, standardError, Math.Min(1, Math.Exp(-logE)), estimate - half, estimate + half);
        }

        var oneSided = Math.Sqrt(scale * Math.Log(1 + (Math.Sqrt(nr2p1) / (2 * alpha))));

        // The alpha at which estimate − halfwidth(alpha) = 0 with ρ held fixed, solved in closed form where
        // GrowthBook bisects; capped at 0.5 (GrowthBook reports 0.4999) when the estimate points the other way.
        var p = estimate <= 0 ? 0.5 : Math.Min(0.5, Math.Sqrt(nr2p1) / (2 * double.ExpM1(estimate * estimate / scale)));
        return new AlwaysValidResult(estimate, standardError, p, estimate - oneSided, double.PositiveInfinity, 1);
    }

    /// <summary>The sequence for the absolute and the relative lift of a two-arm comparison.</summary>
    public static (AlwaysValidResult Absolute, AlwaysValidResult Relative) Compare(
        Lift lift, long units, double tuningUnits = DefaultTuningUnits, double alpha = 0.05, int sides = 2)
    {
        return (
            Evaluate(lift.Absolute.Value, lift.Absolute.StandardError, units, tuningUnits, alpha, sides),
            Evaluate(lift.Relative.Value, lift.Relative.StandardError, units, tuningUnits, alpha, sides));
    }

    private static void CheckSides(int sides)
    {
        if (sides is not (1 or 2))
        {
            throw new ArgumentOutOfRangeException(nameof(sides), sides, "must be 1 or 2");
        }
    }
}
