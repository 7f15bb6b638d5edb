using Verdict.Statistics.Comparisons;
using Verdict.Statistics.Inference;

namespace Verdict.Statistics.AlwaysValid;

/// <summary>
/// The mixture sequential probability ratio test (mSPRT) of Johari, Pekelis and Walsh ("Peeking at A/B tests",
/// KDD 2017, §4; Operations Research 70(3), 2022): a normal mixture N(θ₀, τ²) over the effect gives the likelihood
/// ratio Λ_n = √(V/(V+τ²))·exp(τ²(θ̂−θ₀)² / (2V(V+τ²))), where θ̂ is the estimated difference and V its variance.
/// The always-valid p-value is min(1, 1/Λ_n) (running minimum over looks, see <see cref="AlwaysValidSequence"/>);
/// the confidence sequence is every θ₀ with Λ_n &lt; 1/α: θ̂ ± √(V(V+τ²)/τ² · (ln((V+τ²)/V) − 2 ln α)).
/// </summary>
public static class MixtureSprt
{
    /// <summary>
    /// The tuning horizon used when no τ is given: 5 000 units, GrowthBook's default for the same mixture.
    /// </summary>
    public const double DefaultTuningUnits = AsymptoticConfidenceSequence.DefaultTuningUnits;

    /// <summary>The mSPRT at one look from an estimate and its standard error, with mixing standard deviation τ.</summary>
    public static AlwaysValidResult Evaluate(double estimate, double standardError, double tau, double alpha = 0.05, double nullValue = 0)
    {
        Guard.Alpha(alpha);
        Guard.Positive(tau);
        Guard.Finite(nullValue);
        if (!double.IsFinite(estimate) || !(standardError > 0) || !double.IsFinite(standardError))
        {
            return AlwaysValidResult.Missing with { Value = estimate, StandardError = standardError };
        }

        var v = standardError * standardError;
        var t2 = tau * tau;
        var d = estimate - nullValue;
        var logLambda = (0.5 * Math.Log(v / (v + t2))) + (t2 * d * d / (2 * v * (v + t2)));
        var p = Math.Min(1, Math.Exp(-logLambda));
        var half = Math.Sqrt(v * (v + t2) / t2 * (Math.Log((v + t2) / v) - (2 * Math.Log(alpha))));
        return new AlwaysValidResult(estimate, standardError, p, estimate - half, estimate + half);
    }

    /// <summary>
    /// The default mixing standard deviation: the τ that makes the sequence tightest after
    /// <paramref name="tuningUnits"/> units, τ = ρ·σ with σ² = SE²·n the per-unit variance and ρ from
    /// <see cref="AsymptoticConfidenceSequence.Rho"/> (Waudby-Smith et al. 2023, eq. 161).
    /// </summary>
    public static double DefaultTau(double standardError, long units, double alpha = 0.05, double tuningUnits = DefaultTuningUnits)
    {
        Guard.Positive(standardError);
        ArgumentOutOfRangeException.ThrowIfLessThan(units, 1);
        return AsymptoticConfidenceSequence.Rho(alpha, tuningUnits) * standardError * Math.Sqrt(units);
    }

    /// <summary>
    /// The mSPRT on the absolute lift of a two-arm comparison (from <see cref="TwoMeans"/> or
    /// <see cref="TwoProportions"/>) with <paramref name="units"/> in both arms; τ defaults to <see cref="DefaultTau"/>.
    /// </summary>
    public static AlwaysValidResult Compare(Lift lift, long units, double? tau = null, double alpha = 0.05)
    {
        var a = lift.Absolute;
        if (!a.IsAvailable || !(a.StandardError > 0))
        {
            return AlwaysValidResult.Missing with { Value = a.Value, StandardError = a.StandardError };
        }

        return Evaluate(a.Value, a.StandardError, tau ?? DefaultTau(a.StandardError, units, alpha), alpha);
    }
}
