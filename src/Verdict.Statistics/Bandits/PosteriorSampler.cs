using Verdict.Statistics.Paired;

namespace Verdict.Statistics.Bandits;

/// <summary>
/// Seeded draws for Thompson sampling: Gamma by Marsaglia and Tsang (2000, "A simple method for generating gamma
/// variables", ACM TOMS 26(3)), with the boost Gamma(a) = Gamma(a + 1)·U^{1/a} for a &lt; 1; Beta(a, b) as
/// X/(X + Y) with X ~ Gamma(a), Y ~ Gamma(b); normals by the polar Box–Muller method (Marsaglia and Bray 1964).
/// </summary>
internal static class PosteriorSampler
{
    public static double Beta(SeededRandom random, double a, double b)
    {
        var x = Gamma(random, a);
        var y = Gamma(random, b);
        var sum = x + y;
        // Both draws underflow only for tiny shape parameters; the mean is then the least surprising answer.
        return sum > 0 ? x / sum : a / (a + b);
    }

    public static double Gamma(SeededRandom random, double shape)
    {
        if (shape < 1)
        {
            return Gamma(random, shape + 1) * Math.Pow(random.NextDouble(), 1 / shape);
        }

        var d = shape - (1.0 / 3);
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = StandardNormal(random);
                v = 1 + (c * x);
            }
            while (v <= 0);

            v = v * v * v;
            var u = random.NextDouble();
            var x2 = x * x;
            if (u < 1 - (0.0331 * x2 * x2) || Math.Log(u) < (0.5 * x2) + (d * (1 - v + Math.Log(v))))
            {
                return d * v;
            }
        }
    }

    public static double StandardNormal(SeededRandom random)
    {
        while (true)
        {
            var u = (2 * random.NextDouble()) - 1;
            var v = (2 * random.NextDouble()) - 1;
            var s = (u * u) + (v * v);
            if (s is > 0 and < 1)
            {
                return u * Math.Sqrt(-2 * Math.Log(s) / s);
            }
        }
    }
}
