using MathNet.Numerics;

namespace Verdict.Statistics.Sequential;

/// <summary>
/// The recursive numerical integration of Armitage, McPherson and Rowe (1969) for the joint distribution of
/// Z-statistics Z_1 … Z_K at information fractions t_1 &lt; … &lt; t_K, with E[Z_k] = δ√t_k and
/// Cov(Z_j, Z_k) = √(t_j/t_k): the grid, Simpson weights and update of Jennison and Turnbull (2000), §19.2–19.3.
/// A <see cref="Stage"/> holds the sub-density of Z_k on the continuation region, already multiplied by its
/// quadrature weights, so crossing probabilities at the next look are single sums.
/// </summary>
internal static class SequentialIntegrator
{
    /// <summary>
    /// Grid parameter r of Jennison and Turnbull §19.2.1: r = 16, their recommendation; for K = 20 looks the boundaries
    /// move by less than 3e-6 and the cumulative alpha by less than 1e-15 when r goes to 128.
    /// </summary>
    public const int DefaultGridSize = 16;

    private const double InvSqrt2Pi = 0.39894228040143267794;

    private const double KernelCutoff = 9.5;

    /// <summary>The weighted sub-density of Z_k on its continuation region.</summary>
    public sealed class Stage
    {
        internal Stage(double[] points, double[] weightedDensity, double informationFraction)
        {
            Points = points;
            WeightedDensity = weightedDensity;
            InformationFraction = informationFraction;
        }

        /// <summary>Grid points z_i.</summary>
        public double[] Points { get; }

        /// <summary>w_i · h_k(z_i): Simpson weight times sub-density.</summary>
        public double[] WeightedDensity { get; }

        /// <summary>t_k.</summary>
        public double InformationFraction { get; }

        /// <summary>P(continue past this look): the integral of the sub-density.</summary>
        public double Mass => WeightedDensity.Sum();
    }

    /// <summary>Standard normal CDF Φ(x), accurate in both tails.</summary>
    public static double Phi(double x) => 0.5 * SpecialFunctions.Erfc(-x / Constants.Sqrt2);

    private static double Density(double x) => InvSqrt2Pi * Math.Exp(-0.5 * x * x);

    /// <summary>P(continue to look k and Z_k ≥ b) given the previous stage (null at the first look).</summary>
    public static double UpperExit(Stage? previous, double t, double drift, double b)
    {
        if (double.IsPositiveInfinity(b))
        {
            return 0;
        }

        if (previous is null)
        {
            return Phi((drift * Math.Sqrt(t)) - b);
        }

        var (sqrtPrev, sqrtT, sqrtDelta, shift) = Increment(previous.InformationFraction, t, drift);
        var sum = 0.0;
        var z = previous.Points;
        var wh = previous.WeightedDensity;
        for (var j = 0; j < z.Length; j++)
        {
            sum += wh[j] * Phi(((z[j] * sqrtPrev) + shift - (b * sqrtT)) / sqrtDelta);
        }

        return sum;
    }

    /// <summary>P(continue to look k and Z_k ≤ a) given the previous stage (null at the first look).</summary>
    public static double LowerExit(Stage? previous, double t, double drift, double a)
    {
        if (double.IsNegativeInfinity(a))
        {
            return 0;
        }

        if (previous is null)
        {
            return Phi(a - (drift * Math.Sqrt(t)));
        }

        var (sqrtPrev, sqrtT, sqrtDelta, shift) = Increment(previous.InformationFraction, t, drift);
        var sum = 0.0;
        var z = previous.Points;
        var wh = previous.WeightedDensity;
        for (var j = 0; j < z.Length; j++)
        {
            sum += wh[j] * Phi(((a * sqrtT) - (z[j] * sqrtPrev) - shift) / sqrtDelta);
        }

        return sum;
    }

    /// <summary>The sub-density of Z_k on (a, b) for paths that continued at every earlier look (J&amp;T eq. 19.4).</summary>
    public static Stage Next(Stage? previous, double t, double drift, double a, double b, int gridSize = DefaultGridSize)
    {
        var mean = drift * Math.Sqrt(t);
        var (points, weights) = Grid(mean, a, b, gridSize);
        var wh = new double[points.Length];
        if (previous is null)
        {
            for (var i = 0; i < points.Length; i++)
            {
                wh[i] = weights[i] * Density(points[i] - mean);
            }

            return new Stage(points, wh, t);
        }

        var (sqrtPrev, sqrtT, sqrtDelta, shift) = Increment(previous.InformationFraction, t, drift);
        var scale = sqrtT / sqrtDelta;
        var zPrev = previous.Points;
        var whPrev = previous.WeightedDensity;
        var offsets = new double[zPrev.Length];
        for (var j = 0; j < zPrev.Length; j++)
        {
            offsets[j] = (zPrev[j] * sqrtPrev) + shift;
        }

        // Kernel terms beyond KernelCutoff standard deviations are below 1e-19 of the peak: skip them. Points and
        // offsets both increase, so the window of contributing previous points slides forward.
        var reach = KernelCutoff * sqrtDelta;
        var first = 0;
        for (var i = 0; i < points.Length; i++)
        {
            var zi = points[i] * sqrtT;
            while (first < offsets.Length && offsets[first] < zi - reach)
            {
                first++;
            }

            var sum = 0.0;
            for (var j = first; j < offsets.Length && offsets[j] <= zi + reach; j++)
            {
                var u = (zi - offsets[j]) / sqrtDelta;
                sum += whPrev[j] * Math.Exp(-0.5 * u * u);
            }

            wh[i] = weights[i] * sum * scale * InvSqrt2Pi;
        }

        return new Stage(points, wh, t);
    }

    private static (double SqrtPrevious, double SqrtT, double SqrtDelta, double Shift) Increment(double previousT, double t, double drift)
    {
        var delta = t - previousT;
        return (Math.Sqrt(previousT), Math.Sqrt(t), Math.Sqrt(delta), drift * delta);
    }

    /// <summary>
    /// Jennison and Turnbull's grid (§19.2.1) centred on <paramref name="mean"/>, cut to [a, b], with midpoints added
    /// so that composite Simpson's rule applies on every sub-interval.
    /// </summary>
    internal static (double[] Points, double[] Weights) Grid(double mean, double a, double b, int r)
    {
        var count = (6 * r) - 1;
        var raw = new List<double>(count + 2);
        for (var i = 1; i <= count; i++)
        {
            double x;
            if (i < r)
            {
                x = -3 - (4 * Math.Log((double)r / i));
            }
            else if (i <= 5 * r)
            {
                x = -3 + (3 * (i - r) / (2.0 * r));
            }
            else
            {
                x = 3 + (4 * Math.Log((double)r / ((6 * r) - i)));
            }

            x += mean;
            if (x > a && x < b)
            {
                raw.Add(x);
            }
        }

        if (double.IsFinite(a) && (raw.Count == 0 || a < raw[0]))
        {
            raw.Insert(0, a);
        }

        if (double.IsFinite(b) && (raw.Count == 0 || b > raw[^1]))
        {
            raw.Add(b);
        }

        if (raw.Count < 2)
        {
            // The continuation region misses the grid: no mass continues.
            var anchor = double.IsFinite(b) ? b : double.IsFinite(a) ? a : mean;
            return ([anchor], [0.0]);
        }

        var m = (2 * raw.Count) - 1;
        var points = new double[m];
        var weights = new double[m];
        for (var i = 0; i < raw.Count; i++)
        {
            points[2 * i] = raw[i];
            if (i + 1 < raw.Count)
            {
                points[(2 * i) + 1] = 0.5 * (raw[i] + raw[i + 1]);
            }
        }

        for (var i = 0; i + 2 < m; i += 2)
        {
            var h = (points[i + 2] - points[i]) / 6;
            weights[i] += h;
            weights[i + 1] += 4 * h;
            weights[i + 2] += h;
        }

        return (points, weights);
    }
}
