using Verdict.Statistics.Diagnostics;

namespace Verdict.Statistics.Paired;

/// <summary>
/// The paired percentile bootstrap of the mean difference (Efron &amp; Tibshirani 1993, §13.3): resample cases with
/// replacement, keeping each case's pair together, and take the α/2 and 1 − α/2 quantiles (type 7) of the resampled
/// means. Seeded (xoshiro256**, see <see cref="SeededRandom"/>), so the same input and seed give the same interval.
/// </summary>
public static class PairedBootstrap
{
    /// <summary>Percentile interval for the mean of <paramref name="differences"/>.</summary>
    public static BootstrapInterval MeanDifference(IReadOnlyList<double> differences, int seed, int resamples = 10_000, double alpha = 0.05)
    {
        ArgumentNullException.ThrowIfNull(differences);
        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 100);
        Guard.Alpha(alpha);
        var n = differences.Count;
        if (n == 0)
        {
            return new BootstrapInterval(double.NaN, double.NaN, double.NaN, resamples, seed,
                [new Diagnostic(DiagnosticCode.EmptyArm, "no paired cases to resample")]);
        }

        var mean = differences.Average();
        var random = new SeededRandom(seed);
        var values = differences as double[] ?? [.. differences];
        var means = new double[resamples];
        for (var r = 0; r < resamples; r++)
        {
            double sum = 0;
            for (var i = 0; i < n; i++)
            {
                sum += values[random.Next(n)];
            }

            means[r] = sum / n;
        }

        Array.Sort(means);
        var diagnostics = new List<Diagnostic>();
        if (n < 10)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCode.SmallSample, $"only {n} cases: a bootstrap interval this small is too narrow"));
        }

        return new BootstrapInterval(mean, Quantile(means, alpha / 2), Quantile(means, 1 - (alpha / 2)), resamples, seed, diagnostics);
    }

    private static double Quantile(double[] sorted, double probability)
    {
        var position = probability * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + ((position - below) * (sorted[above] - sorted[below]));
    }
}
