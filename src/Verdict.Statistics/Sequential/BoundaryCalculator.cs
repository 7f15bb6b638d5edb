using MathNet.Numerics.RootFinding;

namespace Verdict.Statistics.Sequential;

/// <summary>
/// Solves group-sequential boundaries look by look with <see cref="SequentialIntegrator"/>: efficacy boundaries
/// from an alpha-spending function (Lan and DeMets 1983) or a Wang–Tsiatis constant, non-binding futility
/// boundaries from beta spending (Pampallona, Tsiatis and Kim 2001; rpact <c>typeBetaSpending</c>), and the
/// per-look exit probabilities behind power, expected sample size and stage-wise p-values.
/// </summary>
internal static class BoundaryCalculator
{
    /// <summary>Boundaries beyond this z are treated as unreachable.</summary>
    public const double MaxZ = 37;

    private const double Accuracy = 1e-12;

    /// <summary>
    /// Efficacy boundaries at fractions <paramref name="t"/> spending <paramref name="cumulativeTarget"/>(k) of the
    /// error by look k under H0. Two-sided designs use the symmetric continuation region (−b, b).
    /// Returns the boundaries and the cumulative error actually spent.
    /// </summary>
    public static (double[] Z, double[] CumulativeAlpha) Efficacy(
        IReadOnlyList<double> t, Func<int, double> cumulativeTarget, int sides, int gridSize)
    {
        var k = t.Count;
        var z = new double[k];
        var cumulative = new double[k];
        SequentialIntegrator.Stage? stage = null;
        var spent = 0.0;
        for (var i = 0; i < k; i++)
        {
            var target = cumulativeTarget(i) - spent;
            var previous = stage;
            var ti = t[i];
            double Exit(double b) => sides == 2
                ? SequentialIntegrator.UpperExit(previous, ti, 0, b) + SequentialIntegrator.LowerExit(previous, ti, 0, -b)
                : SequentialIntegrator.UpperExit(previous, ti, 0, b);

            double b;
            if (target <= 1e-15)
            {
                b = double.PositiveInfinity;
            }
            else
            {
                var low = sides == 2 ? 0.0 : -MaxZ;
                b = Exit(low) <= target ? low : SolveTail(Exit, target, low, MaxZ);
            }

            z[i] = b;
            spent += double.IsPositiveInfinity(b) ? 0 : Exit(b);
            cumulative[i] = spent;
            if (i + 1 < k)
            {
                stage = SequentialIntegrator.Next(previous, ti, 0, sides == 2 ? -b : double.NegativeInfinity, b, gridSize);
            }
        }

        return (z, cumulative);
    }

    /// <summary>
    /// Solves tail(x) = target for a monotone tail probability on the log scale, so that targets of 1e-12 are found
    /// to relative, not absolute, precision.
    /// </summary>
    private static double SolveTail(Func<double, double> tail, double target, double low, double high) =>
        Brent.FindRoot(x => Math.Log(Math.Max(tail(x), 1e-300)) - Math.Log(target), low, high, Accuracy, 200);

    /// <summary>Wang–Tsiatis boundaries c·t_k^{Δ−1/2} with c solved so that the total error is <paramref name="alpha"/>.</summary>
    public static double[] Classic(IReadOnlyList<double> t, double alpha, int sides, ClassicBoundary shape, int gridSize)
    {
        var exponent = shape == ClassicBoundary.Pocock ? 0 : -0.5;
        double[] Bounds(double c) => t.Select(x => c * Math.Pow(x, exponent)).ToArray();
        double Total(double c)
        {
            var b = Bounds(c);
            var lower = sides == 2 ? b.Select(x => -x).ToArray() : Enumerable.Repeat(double.NegativeInfinity, b.Length).ToArray();
            var (up, down, _) = Exits(t, lower, b, 0, gridSize);
            return up.Sum() + (sides == 2 ? down.Sum() : 0);
        }

        var c = Brent.FindRoot(x => Total(x) - alpha, 0.5, 10, 1e-10, 200);
        return Bounds(c);
    }

    /// <summary>
    /// Non-binding futility boundaries at drift <paramref name="drift"/>: f_k spends
    /// β(t_k) − β(t_{k−1}) of the type-II error under the alternative, capped at the efficacy boundary (rpact's
    /// beta adjustment). The final futility boundary is the final efficacy boundary.
    /// Returns the boundaries and the total probability of not rejecting under the drift.
    /// </summary>
    public static (double[] Futility, double Miss) Futility(
        IReadOnlyList<double> t, IReadOnlyList<double> efficacy, Func<int, double> cumulativeBeta, double drift, int gridSize, bool lastIsFinal = true)
    {
        var k = t.Count;
        var f = new double[k];
        SequentialIntegrator.Stage? stage = null;
        var spent = 0.0;
        for (var i = 0; i < k; i++)
        {
            var previous = stage;
            var ti = t[i];
            double Exit(double a) => SequentialIntegrator.LowerExit(previous, ti, drift, a);
            var c = efficacy[i];
            if (i == k - 1 && lastIsFinal)
            {
                f[i] = c;
                spent += Exit(c);
                break;
            }

            var target = cumulativeBeta(i) - spent;
            double a;
            if (target <= 1e-15)
            {
                a = double.NegativeInfinity;
            }
            else if (Exit(c) <= target)
            {
                a = c;
            }
            else
            {
                a = SolveTail(Exit, target, -MaxZ, Math.Min(c, MaxZ));
            }

            f[i] = a;
            spent += Exit(a);
            if (i + 1 < k)
            {
                stage = SequentialIntegrator.Next(previous, ti, drift, a, c, gridSize);
            }
        }

        return (f, spent);
    }

    /// <summary>The drift δ (E[Z_K] under the alternative) at which beta spending ends exactly on the final efficacy boundary.</summary>
    public static double FutilityDrift(IReadOnlyList<double> t, IReadOnlyList<double> efficacy, Func<int, double> cumulativeBeta, double beta, int gridSize) =>
        Brent.FindRoot(d => Futility(t, efficacy, cumulativeBeta, d, gridSize).Miss - beta, 0, 20, 1e-11, 200);

    /// <summary>
    /// Per-look probabilities of exiting above <paramref name="upper"/> and below <paramref name="lower"/> at drift
    /// <paramref name="drift"/>, and the probability of reaching the last look.
    /// </summary>
    public static (double[] Upper, double[] Lower, double[] Reach) Exits(
        IReadOnlyList<double> t, IReadOnlyList<double> lower, IReadOnlyList<double> upper, double drift, int gridSize)
    {
        var k = t.Count;
        var up = new double[k];
        var down = new double[k];
        var reach = new double[k];
        SequentialIntegrator.Stage? stage = null;
        var alive = 1.0;
        for (var i = 0; i < k; i++)
        {
            reach[i] = alive;
            up[i] = SequentialIntegrator.UpperExit(stage, t[i], drift, upper[i]);
            down[i] = SequentialIntegrator.LowerExit(stage, t[i], drift, lower[i]);
            if (i + 1 < k)
            {
                stage = SequentialIntegrator.Next(stage, t[i], drift, lower[i], upper[i], gridSize);
                alive = stage.Mass;
            }
        }

        return (up, down, reach);
    }
}
