using Verdict.Statistics.Bandits;
using Verdict.Statistics.Tests.Reference;
using Xunit;

namespace Verdict.Statistics.Tests.Bandits;

/// <summary>Pins the probability that each arm is best to scipy's adaptive quadrature (tests/reference/bandits/generate.py).</summary>
public sealed class ProbabilityBestTests
{
    public static TheoryData<string> Cases => new(BanditReference.Value.ProbabilityBest.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Quadrature_MatchesScipyQuad(string name)
    {
        var c = BanditReference.Value.ProbabilityBest.Single(c => c.Name == name);
        var expected = c.Probabilities.ToArray();
        var actual = ProbabilityBest.Quadrature(BanditReference.Posteriors(c));
        // Tolerance: 1e-9 absolute; both sides integrate to ~1e-12, the rest is the posteriors' CDF accuracy.
        for (var i = 0; i < expected.Length; i++)
        {
            Close.Equal(expected[i], actual[i], 1e-9, $"{name}[{i}]", 1e-9);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void MonteCarlo_AgreesWithScipyWithinSamplingError(string name)
    {
        var c = BanditReference.Value.ProbabilityBest.Single(c => c.Name == name);
        var expected = c.Probabilities.ToArray();
        const int draws = 40_000;
        var actual = ProbabilityBest.MonteCarlo(BanditReference.Posteriors(c), draws, seed: 2026);
        for (var i = 0; i < expected.Length; i++)
        {
            // Five binomial standard errors, floored for probabilities near 0 or 1.
            var tolerance = 5 * Math.Sqrt(Math.Max(expected[i] * (1 - expected[i]), 1e-4) / draws);
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance, $"{name}[{i}]: scipy {expected[i]:R}, Monte Carlo {actual[i]:R}, tolerance {tolerance:E2}");
        }
    }

    [Fact]
    public void MonteCarlo_SameSeed_SameProbabilities()
    {
        ArmPosterior[] arms = [new(PosteriorFamily.Beta, 30, 70, 98), new(PosteriorFamily.Beta, 35, 65, 98)];
        Assert.Equal(ProbabilityBest.MonteCarlo(arms, 5000, 9), ProbabilityBest.MonteCarlo(arms, 5000, 9));
        Assert.NotEqual(ProbabilityBest.MonteCarlo(arms, 5000, 9), ProbabilityBest.MonteCarlo(arms, 5000, 10));
    }

    [Fact]
    public void Quadrature_MixedFamilies_Throws()
    {
        ArmPosterior[] arms = [new(PosteriorFamily.Beta, 3, 7, 8), new(PosteriorFamily.Normal, 0.3, 0.1, 8)];
        Assert.Throws<ArgumentException>(() => ProbabilityBest.Quadrature(arms));
    }

    [Fact]
    public void Quadrature_SwappingArms_SwapsProbabilities()
    {
        ArmPosterior a = new(PosteriorFamily.Beta, 40, 60, 98), b = new(PosteriorFamily.Beta, 47, 53, 98);
        var forward = ProbabilityBest.Quadrature([a, b]);
        var backward = ProbabilityBest.Quadrature([b, a]);
        Assert.Equal(forward[0], backward[1], 1e-12);
        Assert.Equal(forward[1], backward[0], 1e-12);
    }
}
