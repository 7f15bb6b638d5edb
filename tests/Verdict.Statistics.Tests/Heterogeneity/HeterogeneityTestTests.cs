using Verdict.Statistics.Diagnostics;
using Verdict.Statistics.Heterogeneity;
using Verdict.Statistics.Inference;
using Verdict.Statistics.Tests.Reference;
using Verdict.Testing;
using Xunit;

namespace Verdict.Statistics.Tests.Heterogeneity;

/// <summary>Pins Cochran's Q, I² and the pooled effect to statsmodels combine_effects (tests/reference/heterogeneity/generate.py).</summary>
public sealed class HeterogeneityTestTests
{
    private static readonly IReadOnlyList<HeterogeneityCase> Cases = ReferenceJson.Cases<HeterogeneityCase>("heterogeneity", "heterogeneity.json");

    public static TheoryData<string> Names => new(Cases.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(Names))]
    public void Test_SliceEffects_MatchStatsmodelsCombineEffects(string name)
    {
        var c = Cases.Single(x => x.Name == name);
        var effects = c.Effects.Zip(c.StandardErrors,
            (e, s) => Estimate.FromStatistic(e, s, 0.05)).ToList();

        var result = HeterogeneityTest.Test(effects);

        // Tolerance 1e-9 relative: closed forms; the χ² tail by the regularized incomplete gamma.
        Close.Equal(c.Q, result.Q, what: "Q");
        Assert.Equal(c.Df, result.DegreesOfFreedom);
        Close.Equal(c.PValue, result.PValue, what: "p");
        Close.Equal(c.I2, result.ISquared, what: "I²");
        Close.Block(c.Pooled, result.Pooled, "pooled");
    }

    [Fact]
    public void Test_OneSlice_NotTestableWithDiagnostic()
    {
        var result = HeterogeneityTest.Test([Estimate.FromStatistic(0.1, 0.02, 0.05), Estimate.Missing]);

        Assert.True(double.IsNaN(result.PValue));
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCode.TooFewUnits);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCode.ZeroVariance);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Test_EqualTrueEffects_RejectsAtAlpha()
    {
        // Five slices with the same true effect: Q rejects at 5% about 5% of the time (± 3 binomial SE).
        const int trials = 4000;
        var random = new Random(12);
        var rejections = 0;
        double[] ses = [0.01, 0.02, 0.015, 0.03, 0.012];
        for (var t = 0; t < trials; t++)
        {
            var effects = ses.Select(se => Estimate.FromStatistic(0.05 + (se * Normal(random)), se, 0.05)).ToList();
            rejections += HeterogeneityTest.Test(effects).PValue < 0.05 ? 1 : 0;
        }

        var rate = rejections / (double)trials;
        Assert.True(Math.Abs(rate - 0.05) <= 3 * Math.Sqrt(0.05 * 0.95 / trials), $"rejection rate {rate:F4}");
    }

    private static double Normal(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
