using Verdict.Statistics.Paired;

namespace Verdict.Statistics.OffPolicy;

/// <summary>Per-decision terms of the estimators (weight, reward, the model's direct value and its prediction for the logged action).</summary>
internal sealed class OffPolicyTerms(double[] weights, double[] rewards, double[] direct, double[] predicted)
{
    private int N => weights.Length;

    /// <summary>The logging policy's value, the mean reward, with influence rᵢ − r̄.</summary>
    public double Logged(out double[] influence)
    {
        var mean = rewards.Average();
        influence = rewards.Select(r => r - mean).ToArray();
        return mean;
    }

    /// <summary>The candidate's value by <paramref name="estimator"/> and each decision's influence on it.</summary>
    public double Value(OffPolicyEstimator estimator, out double[] influence)
    {
        influence = new double[N];
        switch (estimator)
        {
            case OffPolicyEstimator.InversePropensity:
                for (var i = 0; i < N; i++)
                {
                    influence[i] = weights[i] * rewards[i];
                }

                break;
            case OffPolicyEstimator.DoublyRobust:
                for (var i = 0; i < N; i++)
                {
                    influence[i] = direct[i] + (weights[i] * (rewards[i] - predicted[i]));
                }

                break;
            default:
                var sumW = weights.Sum();
                if (sumW == 0)
                {
                    Array.Fill(influence, double.NaN);
                    return double.NaN;
                }

                var snips = weights.Zip(rewards, (w, r) => w * r).Sum() / sumW;
                var meanW = sumW / N;
                for (var i = 0; i < N; i++)
                {
                    influence[i] = weights[i] * (rewards[i] - snips) / meanW;
                }

                return snips;
        }

        var value = influence.Average();
        for (var i = 0; i < N; i++)
        {
            influence[i] -= value;
        }

        return value;
    }

    /// <summary>Percentile bootstrap intervals (type 7 quantiles) of the three estimators, indexed by <see cref="OffPolicyEstimator"/>.</summary>
    public (double Low, double High)[] Bootstrap(int resamples, int seed, double alpha)
    {
        var random = new SeededRandom(seed);
        var draws = new double[3][];
        for (var k = 0; k < 3; k++)
        {
            draws[k] = new double[resamples];
        }

        for (var b = 0; b < resamples; b++)
        {
            double sumWr = 0, sumW = 0, sumDr = 0;
            for (var j = 0; j < N; j++)
            {
                var i = random.Next(N);
                sumWr += weights[i] * rewards[i];
                sumW += weights[i];
                sumDr += direct[i] + (weights[i] * (rewards[i] - predicted[i]));
            }

            draws[0][b] = sumWr / N;
            draws[1][b] = sumW == 0 ? double.NaN : sumWr / sumW;
            draws[2][b] = sumDr / N;
        }

        var intervals = new (double, double)[3];
        for (var k = 0; k < 3; k++)
        {
            var finite = draws[k].Where(double.IsFinite).Order().ToArray();
            intervals[k] = finite.Length == 0 ? (double.NaN, double.NaN) : (Percentile(finite, alpha / 2), Percentile(finite, 1 - (alpha / 2)));
        }

        return intervals;
    }

    /// <summary>The type 7 (linear interpolation) quantile of sorted values.</summary>
    public static double Percentile(double[] sorted, double probability)
    {
        var position = probability * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + ((position - below) * (sorted[above] - sorted[below]));
    }
}
