using MathNet.Numerics;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.Integration;

namespace Verdict.Statistics.Bayesian;

/// <summary>
/// Beta-binomial comparison of two proportions. Each arm's posterior is Beta(α + s, β + n − s). The chance to beat
/// control P(p_T &gt; p_C) = ∫ f_C(x)(1 − F_T(x)) dx and the expected losses E[(p_C − p_T)⁺], E[(p_T − p_C)⁺] are
/// integrated numerically (composite Gauss–Legendre over the posteriors' support), using
/// E[(x − Y)⁺] = x·I_x(a, b) − a/(a + b)·I_x(a + 1, b) for Y ~ Beta(a, b). The credible interval is the normal
/// approximation to the difference of the two posteriors (exact mean and variance).
/// </summary>
public static class BetaBinomial
{
    private const int Panels = 400;
    private const int PointsPerPanel = 16;

    /// <summary>Compares the arms under <paramref name="prior"/> (the same for both), at credible level 1 − <paramref name="alpha"/>.</summary>
    public static BayesianResult Compare(long controlSuccesses, long controlCount, long treatmentSuccesses, long treatmentCount, BetaPrior prior, double alpha = 0.05)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(controlCount);
        ArgumentOutOfRangeException.ThrowIfNegative(treatmentCount);
        ArgumentOutOfRangeException.ThrowIfNegative(controlSuccesses);
        ArgumentOutOfRangeException.ThrowIfNegative(treatmentSuccesses);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(controlSuccesses, controlCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(treatmentSuccesses, treatmentCount);
        Guard.Positive(prior.Alpha);
        Guard.Positive(prior.Beta);
        Guard.Alpha(alpha);

        var ac = prior.Alpha + controlSuccesses;
        var bc = prior.Beta + controlCount - controlSuccesses;
        var at = prior.Alpha + treatmentSuccesses;
        var bt = prior.Beta + treatmentCount - treatmentSuccesses;
        var (meanC, varC) = BetaMoments(ac, bc);
        var (meanT, varT) = BetaMoments(at, bt);

        // Integrate over the region where either posterior has mass.
        var sdMax = Math.Sqrt(Math.Max(varC, varT));
        var low = Math.Max(0, Math.Min(meanC, meanT) - (40 * sdMax));
        var high = Math.Min(1, Math.Max(meanC, meanT) + (40 * sdMax));
        // Composite Gauss–Legendre never evaluates the endpoints, where a Beta density with a parameter ≤ 1 is
        // non-zero or unbounded.
        double beat = 0, lossTreatment = 0, lossControl = 0;
        var width = (high - low) / Panels;
        for (var panel = 0; panel < Panels; panel++)
        {
            var rule = new GaussLegendreRule(low + (panel * width), low + ((panel + 1) * width), PointsPerPanel);
            for (var k = 0; k < PointsPerPanel; k++)
            {
                var x = rule.Abscissas[k];
                var fc = rule.Weights[k] * Density(ac, bc, x);
                if (fc == 0)
                {
                    continue;
                }

                var ft = Cdf(at, bt, x);

                // E[(x − p_T)⁺] = x·F_T(x) − E[p_T]·I_x(a_T + 1, b_T); and E[(p_T − x)⁺] = (E[p_T] − x) + E[(x − p_T)⁺].
                var below = (x * ft) - (meanT * Cdf(at + 1, bt, x));
                beat += fc * (1 - ft);
                lossTreatment += fc * below;
                lossControl += fc * (meanT - x + below);
            }
        }

        var liftMean = meanT - meanC;
        var liftSd = Math.Sqrt(varC + varT);
        var z = Normal.InvCDF(0, 1, 1 - (alpha / 2));
        return new BayesianResult(
            meanC,
            meanT,
            liftMean,
            liftSd,
            liftMean - (z * liftSd),
            liftMean + (z * liftSd),
            Math.Clamp(beat, 0, 1),
            Math.Max(lossTreatment, 0),
            Math.Max(lossControl, 0));
    }

    private static (double Mean, double Variance) BetaMoments(double a, double b) =>
        (a / (a + b), a * b / ((a + b) * (a + b) * (a + b + 1)));

    private static double Density(double a, double b, double x)
    {
        if (x <= 0 || x >= 1)
        {
            return 0;
        }

        return Math.Exp(((a - 1) * Math.Log(x)) + ((b - 1) * Math.Log(1 - x)) - SpecialFunctions.BetaLn(a, b));
    }

    private static double Cdf(double a, double b, double x) =>
        x <= 0 ? 0 : x >= 1 ? 1 : SpecialFunctions.BetaRegularized(a, b, x);
}
